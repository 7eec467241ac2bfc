package jp.kenpo.privacy.anonymizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.hierarchy.CodeRule;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.EntropyLDiversity;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.RecursiveCLDiversity;
import jp.kenpo.privacy.anonymizer.model.TCloseness;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEverySetting() throws Exception {
        write("blocks.csv", "E10;E14;diabetes\nI10;I15\n");
        Path config = write("c.yaml", """
        input: data/members.csv
        separator: "\\t"
        columns:
          member: {role: identifying}
          born: {role: quasi, type: year-month, hierarchy: {rule: dates, bands: [5]}, levels: {min: 1, max: 2}}
          dx:
            role: set-valued
            hierarchy: {rule: codes, levels: [{prefix: 3}, {ranges: blocks.csv}]}
          zip: {role: quasi, hierarchy: {rule: masking, step: 2}}
          cost: {role: sensitive, hierarchy: {file: cost.csv, separator: ","}}
        models:
          k: 5
          l-diversity:
            - {column: cost, variant: entropy, l: 2.5}
            - {column: cost, variant: recursive, c: 3, l: 2}
          t-closeness: {column: cost, t: 0.2, distance: hierarchical}
          km-anonymity: {column: dx, k: 5, m: 2}
        suppression: 0.02
        metric: discernibility
        risk-threshold: 0.1
        search: {mode: heuristic, time-budget: 30s}
        """);
        AnonymizationConfig read = ConfigReader.read(config);

        assertThat(read.input()).isEqualTo(dir.resolve("data/members.csv"));
        assertThat(read.separator()).isEqualTo('\t');
        assertThat(read.columns().get("member").role()).isEqualTo(Role.IDENTIFYING);
        assertThat(read.columns().get("born").type()).isEqualTo(ColumnType.YEAR_MONTH);
        assertThat(read.columns().get("born").levels().min()).isEqualTo(1);
        assertThat(read.columns().get("cost").hierarchy())
                .isEqualTo(new HierarchySource.File(dir.resolve("cost.csv"), ','));
        CodeRule codes =
                (CodeRule) ((HierarchySource.Rule) read.columns().get("dx").hierarchy()).rule();
        assertThat(((CodeRule.Ranges) codes.levels().get(1)).ranges())
                .containsExactly(new CodeRule.Range("E10", "E14", "diabetes"), new CodeRule.Range("I10", "I15", null));
        assertThat(read.models())
                .containsExactly(
                        new KAnonymity(5),
                        new EntropyLDiversity("cost", 2.5),
                        new RecursiveCLDiversity("cost", 3, 2),
                        new TCloseness("cost", 0.2, TCloseness.Distance.HIERARCHICAL),
                        new KmAnonymity("dx", 5, 2));
        assertThat(read.modelLines().get(3)).isEqualTo(config + " line 16");
        assertThat(read.suppressionLimit()).isEqualTo(0.02);
        assertThat(read.metric()).isEqualTo(Metric.DISCERNIBILITY);
        assertThat(read.riskThreshold()).isEqualTo(0.1);
        assertThat(read.search().mode()).isEqualTo(SearchOptions.Mode.HEURISTIC);
        assertThat(read.search().timeBudget()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSearchWithoutABudgetGetsTheDefaultOne() throws Exception {
        AnonymizationConfig read = ConfigReader.read(write("c.yaml", "search: {mode: heuristic}\n"));
        assertThat(read.search().timeBudget()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void namesTheLineOfEachMistake() throws Exception {
        assertThatThrownBy(() -> ConfigReader.read(write("a.yaml", "columns:\n  x: {role: quasy}\n")))
                .hasMessageContaining("a.yaml line 2")
                .hasMessageContaining("unknown role 'quasy'");
        assertThatThrownBy(() -> ConfigReader.read(write("b.yaml", "models:\n  k: five\n")))
                .hasMessageContaining("b.yaml line 2")
                .hasMessageContaining("k must be a whole number, not 'five'");
        assertThatThrownBy(() -> ConfigReader.read(write("c.yaml", "metric: accuracy\n")))
                .hasMessageContaining("c.yaml line 1")
                .hasMessageContaining("unknown metric 'accuracy'");
        assertThatThrownBy(() -> ConfigReader.read(write(
                        "d.yaml",
                        "columns:\n  x:\n    role: quasi\n    hierarchy: {rule: codes, levels: [{prefix: 0}]}\n")))
                .hasMessageContaining("d.yaml line 4")
                .hasMessageContaining("prefix length 0 is below 1");
        assertThatThrownBy(() -> ConfigReader.read(write("e.yaml", "models:\n  l-diversity: [{l: 2}]\n")))
                .hasMessageContaining("e.yaml line 2")
                .hasMessageContaining("'column' is missing");
        assertThatThrownBy(() -> ConfigReader.read(write("f.yaml", "search: {time-budget: soon}\n")))
                .hasMessageContaining("f.yaml line 1")
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> ConfigReader.read(write("f2.yaml", "search:\n  time-budget: -5s\n")))
                .hasMessageContaining("f2.yaml line 2")
                .hasMessageContaining("the time budget '-5s' is negative");
        assertThatThrownBy(() -> ConfigReader.read(write("f3.yaml", "search: {max-exact-nodes: 100000000}\n")))
                .hasMessageContaining("f3.yaml line 1")
                .hasMessageContaining("max-exact-nodes 100000000 is not between 0 and 16777216");
        assertThatThrownBy(() -> ConfigReader.read(write("f4.yaml", "search: {mode: fast}\n")))
                .hasMessageContaining("f4.yaml line 1")
                .hasMessageContaining("unknown search mode 'fast'");
        assertThatThrownBy(() -> ConfigReader.read(
                        write("f5.yaml", "columns:\n  x:\n    role: quasi\n" + "    hierarchy: {rule: rounding}\n")))
                .hasMessageContaining("f5.yaml line 4")
                .hasMessageContaining("unknown rule 'rounding'");
        assertThatThrownBy(() -> ConfigReader.read(
                        write("f6.yaml", "models:\n  l-diversity: [{column: x, l: 2, variant: probabilistic}]\n")))
                .hasMessageContaining("f6.yaml line 2")
                .hasMessageContaining("unknown l-diversity variant 'probabilistic'");
        assertThatThrownBy(() -> ConfigReader.read(
                        write("f7.yaml", "models:\n  t-closeness: {column: x, t: 0.2, distance: ordered}\n")))
                .hasMessageContaining("f7.yaml line 2")
                .hasMessageContaining("unknown distance 'ordered'");
        assertThatThrownBy(() -> ConfigReader.read(write("g.yaml", "columns:\n  x: {type: integer}\n")))
                .hasMessageContaining("g.yaml line 2")
                .hasMessageContaining("column 'x' has no role");
        assertThatThrownBy(() -> ConfigReader.read(write("h.yaml", ""))).hasMessageContaining("h.yaml is empty");
        assertThatThrownBy(() -> ConfigReader.read(write(
                        "i.yaml",
                        "columns:\n  x:\n    role: quasi\n"
                                + "    hierarchy: {rule: codes, levels: [{ranges: missing.csv}]}\n")))
                .hasMessageContaining("missing.csv does not exist");
    }
}
