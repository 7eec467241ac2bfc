package jp.kenpo.privacy.anonymizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.TableBuilder;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import org.junit.jupiter.api.Test;

/** What the search refuses up front rather than running out of memory or time, and its budget. */
class SearchLimitsTest {

    // n two-valued quasi-identifiers, each x → *: a lattice of 2^n nodes over a few rows
    private static AnonymizationRequest.Builder twoLevelColumns(int n) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            specs.add(ColumnSpec.of("q" + q, Role.QUASI_IDENTIFYING));
        }
        TableBuilder rows = Table.builder(specs);
        for (int r = 0; r < 4; r++) {
            String[] row = new String[n];
            java.util.Arrays.fill(row, r % 2 == 0 ? "a" : "b");
            rows.row(row);
        }
        AnonymizationRequest.Builder request =
                AnonymizationRequest.builder(rows.build()).model(new KAnonymity(2));
        Hierarchy hierarchy = Hierarchy.of("ab", List.of(new String[] {"a", "*"}, new String[] {"b", "*"}));
        for (int q = 0; q < n; q++) {
            request.hierarchy("q" + q, hierarchy);
        }
        return request;
    }

    @Test
    void everySearchHasATimeBudgetUnlessToldOtherwise() {
        assertThat(SearchOptions.DEFAULT.timeBudget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(AnonymizationRequest.builder(twoLevelColumns(1).build().table())
                        .build()
                        .search()
                        .timeBudget())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theExactSearchRefusesALatticeTooLargeForItsPerNodeState() {
        // 2^25 nodes: forced exact, it would first allocate and fill arrays for every one of them
        AnonymizationRequest request = twoLevelColumns(25)
                .search(SearchOptions.DEFAULT.withMode(SearchOptions.Mode.EXACT))
                .build();
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThatThrownBy(() -> Anonymizer.anonymize(request))
                        .isInstanceOf(AnonymizationException.class)
                        .hasMessageContaining("the lattice has 33554432 nodes, too many for the exact search")
                        .hasMessageContaining("at most 16777216"));
    }

    @Test
    void aLatticeWhoseNodesCannotBeNumberedIsRefused() {
        // 2^63 nodes do not fit a long: ids would collide
        assertThatThrownBy(() -> Anonymizer.anonymize(twoLevelColumns(63).build()))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("lattice of these 63 quasi-identifiers has more than")
                .hasMessageContaining("too many to number");
        assertThat(Anonymizer.anonymize(twoLevelColumns(62).build()).search().latticeSize())
                .isEqualTo(1L << 62);
    }

    @Test
    void searchSettingsOutOfRangeAreConfigurationErrors() {
        assertThatThrownBy(() -> SearchOptions.DEFAULT.withTimeBudget(Duration.ofSeconds(-1)))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("is negative");
        assertThatThrownBy(() -> new SearchOptions(SearchOptions.Mode.AUTO, Duration.ZERO, 1L << 30))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("max-exact-nodes 1073741824 is not between 0 and 16777216");
    }
}
