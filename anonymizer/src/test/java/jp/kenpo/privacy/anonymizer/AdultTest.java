package jp.kenpo.privacy.anonymizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.TableCsv;
import jp.kenpo.privacy.anonymizer.hierarchy.HierarchyCsv;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UCI Adult table with its published hierarchies, read from the repository's examples/adult. */
class AdultTest {

    static final List<String> QUASI =
            List.of("sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation");

    static Path folder;
    static Table table;

    @BeforeAll
    static void load() {
        folder = find();
        assumeTrue(folder != null, "examples/adult is not in the repository");
        table = TableCsv.read(folder.resolve("adult.csv"), ';', header -> {
            List<ColumnSpec> specs = new ArrayList<>();
            for (String name : header) {
                specs.add(ColumnSpec.of(name, QUASI.contains(name) ? Role.QUASI_IDENTIFYING : Role.SENSITIVE));
            }
            return specs;
        });
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/adult");
            if (Files.exists(candidate.resolve("adult.csv"))) {
                return candidate;
            }
        }
        return null;
    }

    private static AnonymizationRequest request(int k, double suppression, SearchOptions search) {
        AnonymizationRequest.Builder builder = AnonymizationRequest.builder(table)
                .model(new KAnonymity(k))
                .suppressionLimit(suppression)
                .search(search);
        for (String column : QUASI) {
            builder.hierarchy(column, HierarchyCsv.read(folder.resolve("adult_hierarchy_" + column + ".csv")));
        }
        return builder.build();
    }

    @Test
    void exactAndBestFirstSearchesAgreeAndTheOutputIsFiveAnonymous() {
        AnonymizationResult exact = Anonymizer.anonymize(request(5, 0.02, SearchOptions.DEFAULT));
        AnonymizationResult bestFirst =
                Anonymizer.anonymize(request(5, 0.02, SearchOptions.DEFAULT.withMode(SearchOptions.Mode.HEURISTIC)));

        assertThat(table.rowCount()).isEqualTo(30162);
        assertThat(exact.search().optimal()).isTrue();
        assertThat(bestFirst.search().optimal()).isTrue();
        assertThat(bestFirst.search().loss()).isCloseTo(exact.search().loss(), within(1e-12));
        assertThat(exact.search().suppressed()).isLessThanOrEqualTo(603);
        Map<List<String>, Integer> classes = new HashMap<>();
        Table output = exact.output();
        for (int r = 0; r < output.rowCount(); r++) {
            List<String> key = new ArrayList<>();
            for (String column : QUASI) {
                key.add(output.text(r, output.indexOf(column)));
            }
            classes.merge(key, 1, Integer::sum);
        }
        List<String> suppressed = java.util.Collections.nCopies(QUASI.size(), "*");
        classes.forEach((key, size) -> {
            if (!key.equals(suppressed)) {
                assertThat(size).as("class %s", key).isGreaterThanOrEqualTo(5);
            }
        });
        assertThat(classes.getOrDefault(suppressed, 0))
                .isEqualTo((int) exact.search().suppressed());
        assertThat(exact.before().risk().highest()).isEqualTo(1.0);
        assertThat(exact.after().risk().highest()).isLessThanOrEqualTo(0.2);
    }

    @Test
    void aLatticeAboveTheExactLimitGoesToTheBestFirstSearch() {
        AnonymizationResult result =
                Anonymizer.anonymize(request(5, 0, new SearchOptions(SearchOptions.Mode.AUTO, Duration.ZERO, 1000)));
        AnonymizationResult exact = Anonymizer.anonymize(request(5, 0, SearchOptions.DEFAULT));
        assertThat(result.search().method()).isEqualTo("best-first");
        assertThat(exact.search().method()).isEqualTo("exact");
        assertThat(result.search().optimal()).isTrue();
        assertThat(result.search().loss()).isCloseTo(exact.search().loss(), within(1e-12));
    }

    @Test
    void aSpentTimeBudgetStillGivesASolutionButClaimsNoOptimum() {
        AnonymizationResult result = Anonymizer.anonymize(request(
                5,
                0.02,
                SearchOptions.DEFAULT.withMode(SearchOptions.Mode.HEURISTIC).withTimeBudget(Duration.ofNanos(1))));
        assertThat(result.search().optimal()).isFalse();
        assertThat(result.after().classes().smallest()).isGreaterThanOrEqualTo(5);
    }
}
