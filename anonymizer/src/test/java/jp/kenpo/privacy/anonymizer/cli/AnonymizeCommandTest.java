package jp.kenpo.privacy.anonymizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.anonymizer.report.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command end to end: what it writes on success, and what it refuses (writing nothing). */
class AnonymizeCommandTest {

    @TempDir
    Path dir;

    Path table;
    Path ages;
    Path sexes;
    Path out;

    private String stdout;
    private String stderr;

    @BeforeEach
    void files() throws IOException {
        StringBuilder rows = new StringBuilder("name;sex;age;disease;city\n");
        String[] sex = {"M", "F"};
        String[] disease = {"flu", "cold", "asthma"};
        for (int i = 0; i < 40; i++) {
            rows.append("person")
                    .append(i)
                    .append(';')
                    .append(sex[i % 2])
                    .append(';')
                    .append(20 + (i * 7) % 40)
                    .append(';')
                    .append(disease[i % 3])
                    .append(';')
                    .append("city")
                    .append(i % 4)
                    .append('\n');
        }
        table = write("members.csv", rows.toString());
        StringBuilder ageRows = new StringBuilder();
        for (int age = 20; age < 60; age++) {
            int ten = age / 10 * 10;
            ageRows.append(age)
                    .append(';')
                    .append(ten)
                    .append('-')
                    .append(ten + 9)
                    .append(';')
                    .append(age < 40 ? "20-39" : "40-59")
                    .append(";*\n");
        }
        ages = write("age.csv", ageRows.toString());
        sexes = write("sex.csv", "M;*\nF;*\n");
        out = dir.resolve("out");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine command = new CommandLine(new AnonymizeCommand());
        command.setOut(new PrintWriter(outText));
        command.setErr(new PrintWriter(errText));
        int code = command.execute(args);
        stdout = outText.toString();
        stderr = errText.toString();
        return code;
    }

    private List<String> common(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--input",
                table.toString(),
                "--separator",
                ";",
                "--out",
                out.toString(),
                "--identifying",
                "name",
                "--quasi",
                "sex=" + sexes,
                "--quasi",
                "age=" + ages,
                "--sensitive",
                "disease"));
        args.addAll(List.of(more));
        return args;
    }

    private void assertRefused(int code, String... messageParts) {
        assertThat(code).as(stdout + stderr).isEqualTo(2);
        assertThat(stderr).contains(messageParts).contains("nothing was written");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // the common flags with a config file holding the rest, refused
    private void assertRefusedWithConfig(String yaml, String... messageParts) throws IOException {
        Path config = write("c.yaml", yaml);
        assertRefused(run(common("--config", config.toString()).toArray(String[]::new)), messageParts);
    }

    @Test
    void anonymizesATableAndWritesTheCsvAndBothReports() throws IOException {
        int code = run(common("--k", "3", "--l", "2", "--suppression", "0.1").toArray(String[]::new));

        assertThat(code).as(stderr).isZero();
        List<String> lines = Files.readAllLines(out.resolve("anonymized.csv"));
        assertThat(lines.get(0)).isEqualTo("sex;age;disease;city");
        assertThat(lines).hasSize(41);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";", -1);
            assertThat(fields).hasSize(4);
            // a suppressed record shows * in every quasi-identifier, never in one only
            assertThat(fields[0].equals("*")).isEqualTo(fields[1].equals("*"));
        }
        JsonNode report =
                JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("rows").asInt()).isEqualTo(40);
        assertThat(report.get("removedColumns").get(0).asString()).isEqualTo("name");
        assertThat(report.get("after").get("classes").get("smallest").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(report.get("processingStandards")).hasSize(5);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Art. 34 (5)", "3-anonymity");
        assertThat(stdout).contains("optimum proven", "highest risk", "anonymized.csv");
        // every measure of the JSON is printed too
        assertPrinted(report, "share above risk 0.2", "risk", "shareAboveThreshold");
        assertPrinted(report, "sample unique share", "risk", "sampleUniqueShare");
        assertPrinted(report, "average class size (metric)", "informationLoss", "averageClassSize");
        assertPrinted(report, "average class size", "classes", "average");
    }

    private void assertPrinted(JsonNode report, String label, String group, String measure) {
        String row = stdout.lines()
                .filter(line -> line.startsWith(label + "  "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in\n" + stdout));
        assertThat(row.substring(label.length()).trim().split(" +"))
                .containsExactly(
                        Report.format(
                                report.get("before").get(group).get(measure).asDouble()),
                        Report.format(
                                report.get("after").get(group).get(measure).asDouble()));
    }

    @Test
    void theSearchRunsUnderASixtySecondBudgetUnlessToldOtherwise() throws IOException {
        assertThat(run(common("--k", "3").toArray(String[]::new))).as(stderr).isZero();
        assertThat(stdout).contains("(time budget 60 s)");
        JsonNode report =
                JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("search").get("timeBudgetMilliseconds").asLong()).isEqualTo(60_000);
        assertThat(Files.readString(out.resolve("report.html"))).contains("(time budget 60 s)");

        out = dir.resolve("out2");
        assertThat(run(common("--k", "3", "--time-budget", "0s").toArray(String[]::new)))
                .as(stderr)
                .isZero();
        assertThat(stdout).contains("(no time budget)");
    }

    @Test
    void configFileCarriesRulesModelsAndSetValuedColumns() throws IOException {
        Path items = write(
                "items.csv",
                "id,age,born,codes\n"
                        + String.join(
                                "",
                                java.util.stream.IntStream.range(0, 60)
                                        .mapToObj(i -> i + "," + (20 + i % 30) + ",19" + (60 + i % 30) + "-0"
                                                + (1 + i % 9) + "," + (i % 2 == 0 ? "E11.9|I10.0" : "E11.2")
                                                + (i % 7 == 0 ? "|Z99.1" : "") + "\n")
                                        .toList()));
        Path config = write("c.yaml", """
        input: items.csv
        columns:
          id: {role: identifying}
          age:
            role: quasi
            type: integer
            hierarchy: {rule: intervals, bottom: 25, top: 45, widths: [5, 10]}
            levels: {min: 1}
          born:
            role: quasi
            type: year-month
            hierarchy: {rule: dates, bands: [5, 10]}
          codes:
            role: set-valued
            hierarchy:
              rule: codes
              levels:
                - prefix: 3
                - ranges: [{from: E00, to: E90, label: IV}, {from: I00, to: I99, label: IX}, Z00-Z99]
        models:
          k: 4
          km-anonymity: {column: codes, k: 5, m: 2}
        suppression: 0.05
        metric: non-uniform-entropy
        """);
        int code = run("--config", config.toString(), "--out", out.toString());

        assertThat(code).as(stderr).isZero();
        List<String> lines = Files.readAllLines(out.resolve("anonymized.csv"));
        assertThat(lines.get(0)).isEqualTo("age,born,codes");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            String age = line.split(",")[0];
            assertThat(age).doesNotMatch("\\d+"); // level 1 at least: never the exact age
        });
        assertThat(stdout).contains("(5,2)-anonymity on codes");
    }

    @Test
    void refusesAnUnknownColumnOnTheCommandLine() {
        List<String> args = common("--k", "2");
        args.addAll(List.of("--sensitive", "diseese"));
        assertRefused(
                run(args.toArray(String[]::new)),
                "--sensitive diseese",
                "unknown column 'diseese'",
                "name, sex, age, disease, city");
    }

    @Test
    void refusesAColumnGivenTwoRolesByFlags() {
        // applied in a fixed order, the later flag would release the name as a sensitive value
        List<String> args = common("--k", "2");
        args.addAll(List.of("--sensitive", "name"));
        assertRefused(
                run(args.toArray(String[]::new)),
                "column 'name' is given two roles",
                "identifying (--identifying name)",
                "sensitive (--sensitive name)");
        assertRefused(
                run(
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString(),
                        "--quasi",
                        "sex=" + sexes,
                        "--identifying",
                        "sex",
                        "--k",
                        "2"),
                "column 'sex' is given two roles",
                "identifying (--identifying sex)",
                "quasi-identifying (--quasi sex=");
        assertRefused(
                run(common("--k", "2", "--quasi", "age=" + sexes).toArray(String[]::new)),
                "column 'age' is given two hierarchies",
                "--quasi age=" + ages,
                "--quasi age=" + sexes);
    }

    @Test
    void refusesAFlagThatGivesAConfiguredColumnAnotherRole() throws IOException {
        Path config = write("c.yaml", "columns:\n  name: {role: identifying}\nmodels: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        config.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString(),
                        "--quasi",
                        "sex=" + sexes,
                        "--sensitive",
                        "name"),
                "column 'name' is given two roles",
                "identifying (" + config + " line 2)",
                "sensitive (--sensitive name)");
    }

    @Test
    void aFlagRepeatingTheConfiguredRoleIsAccepted() throws IOException {
        Path config =
                write("c.yaml", "columns:\n  name: {role: identifying}\n  sex: {role: quasi}\n" + "models: {k: 2}\n");
        int code = run(
                "--config",
                config.toString(),
                "--input",
                table.toString(),
                "--separator",
                ";",
                "--out",
                out.toString(),
                "--quasi",
                "sex=" + sexes,
                "--identifying",
                "name");
        assertThat(code).as(stderr).isZero();
    }

    @Test
    void refusesAnUnknownColumnInTheConfigWithItsLine() throws IOException {
        Path config = write(
                "c.yaml",
                "columns:\n  sex: {role: quasi, hierarchy: sex.csv}\n"
                        + "  agee: {role: quasi, hierarchy: age.csv}\nmodels: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        config.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString()),
                "c.yaml line 3",
                "unknown column 'agee'");
    }

    @Test
    void refusesAModelOnAnUnknownColumnWithItsLine() throws IOException {
        assertRefusedWithConfig(
                "models:\n  k: 2\n  l-diversity:\n    - {column: illness, l: 2}\n",
                "c.yaml line 4",
                "unknown column 'illness'");
    }

    @Test
    void refusesAValueMissingFromItsHierarchyNamingColumnValueAndLine() throws IOException {
        Files.writeString(ages, Files.readString(ages).replace("47;40-49;40-59;*\n", ""));
        assertRefused(
                run(common("--k", "2").toArray(String[]::new)),
                "column 'age'",
                "value '47'",
                "members.csv line ",
                "missing from hierarchy",
                "age.csv");
    }

    @Test
    void refusesAHierarchyWhoseLevelsDoNotCoarsen() throws IOException {
        Files.writeString(ages, Files.readString(ages).replace("21;20-29;20-39;*", "21;20-29;40-59;*"));
        assertRefused(
                run(common("--k", "2").toArray(String[]::new)),
                "age.csv line 2",
                "level 2",
                "'20-29'",
                "each level must coarsen");
    }

    @Test
    void refusesARaggedHierarchy() throws IOException {
        Files.writeString(ages, Files.readString(ages).replace("30;30-39;20-39;*", "30;30-39;*"));
        assertRefused(run(common("--k", "2").toArray(String[]::new)), "age.csv line 11", "has 3 levels");
    }

    @Test
    void refusesAHierarchyListingAValueTwice() throws IOException {
        Files.writeString(ages, Files.readString(ages) + "25;20-29;20-39;*\n");
        assertRefused(
                run(common("--k", "2").toArray(String[]::new)), "age.csv line 41", "'25' appears again", "line 6");
    }

    @Test
    void refusesAMissingHierarchyFile() {
        List<String> args = common("--k", "2");
        args.addAll(List.of("--quasi", "city=" + dir.resolve("nowhere.csv")));
        assertRefused(run(args.toArray(String[]::new)), "nowhere.csv", "does not exist");
    }

    @Test
    void refusesAnImpossibleDiversity() {
        assertRefused(
                run(common("--k", "2", "--l", "4").toArray(String[]::new)),
                "impossible",
                "distinct 4-diversity on 'disease'",
                "3 distinct values");
    }

    @Test
    void refusesAKLargerThanTheTable() {
        assertRefused(run(common("--k", "41").toArray(String[]::new)), "impossible", "41", "40");
    }

    @Test
    void refusesAValueOfTheWrongType() throws IOException {
        Path config = write(
                "c.yaml", "columns:\n  age: {role: quasi, type: integer, hierarchy: age.csv}\n" + "models: {k: 2}\n");
        Files.writeString(table, Files.readString(table).replace("person3;F;41;", "person3;F;4l;"));
        assertRefused(
                run(
                        "--config",
                        config.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString()),
                "members.csv line 5",
                "column 'age'",
                "'4l' is not an integer");
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() throws IOException {
        Files.writeString(table, Files.readString(table).replace("person7;F;", "person7;F;x;"));
        assertRefused(
                run(common("--k", "2").toArray(String[]::new)), "members.csv line 9", "expected 5 values but found 6");
    }

    @Test
    void refusesInvalidYamlWithItsLine() throws IOException {
        assertRefusedWithConfig("models:\n  k: 2\n columns: [\n", "c.yaml", "not valid YAML", "line 3");
    }

    @Test
    void refusesAnUnknownConfigKeyWithItsLine() throws IOException {
        assertRefusedWithConfig("models:\n  k: 2\nsupression: 0.1\n", "c.yaml line 3", "unknown key 'supression'");
    }

    @Test
    void refusesAnIntervalRuleWhoseWidthsDoNotCoarsen() throws IOException {
        Path config = write(
                "c.yaml",
                "columns:\n  age:\n    role: quasi\n    type: integer\n"
                        + "    hierarchy: {rule: intervals, widths: [5, 7]}\nmodels: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        config.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString()),
                "c.yaml line 5",
                "width 7 does not coarsen width 5");
    }

    @Test
    void refusesAnOutputFolderThatIsNotEmpty() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("earlier.csv"), "x");
        int code = run(common("--k", "2").toArray(String[]::new));
        assertThat(code).isEqualTo(2);
        assertThat(stderr).contains("exists and is not empty");
        assertThat(out.resolve("earlier.csv")).hasContent("x");
        assertThat(out.resolve("anonymized.csv")).doesNotExist();
    }

    @Test
    void refusesToRunWithoutAPrivacyModel() {
        assertRefused(run(common().toArray(String[]::new)), "no privacy model");
    }

    @Test
    void refusesDiversityWithoutASensitiveColumn() {
        assertRefused(
                run(
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString(),
                        "--quasi",
                        "sex=" + sexes,
                        "--k",
                        "2",
                        "--l",
                        "2"),
                "--l 2 needs a sensitive column");
    }

    @Test
    void refusesASetValuedColumnWithoutItsModel() throws IOException {
        assertRefusedWithConfig(
                "columns:\n  city: {role: set-valued}\nmodels: {k: 2}\n",
                "set-valued column 'city' has no (k,m)-anonymity model");
    }

    @Test
    void refusesKmAnonymityOnAColumnThatIsNotSetValued() throws IOException {
        assertRefusedWithConfig(
                "models:\n  k: 2\n  km-anonymity: {column: city, k: 2, m: 2}\n",
                "(2,2)-anonymity on 'city'",
                "insensitive, not set-valued");
    }

    @Test
    void refusesHierarchicalClosenessWithoutAHierarchy() throws IOException {
        assertRefusedWithConfig(
                "models:\n  k: 2\n  t-closeness: {column: disease, t: 0.3," + " distance: hierarchical}\n",
                "needs a hierarchy for column 'disease'");
    }

    @Test
    void refusesGeneralizationLevelsBeyondTheHierarchy() throws IOException {
        Path config = write(
                "c.yaml",
                "columns:\n  age: {role: quasi, hierarchy: age.csv, levels: {min: 1, max: 5}}\n" + "models: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        config.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString()),
                "column 'age'",
                "level 5 does not exist",
                "levels 0 to 3");
        // a minimum above the top, without a maximum, names its line too
        Path above = write(
                "a.yaml",
                "columns:\n  age: {role: quasi, hierarchy: age.csv, levels: {min: 5}}\n" + "models: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        above.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString()),
                "a.yaml line 2",
                "column 'age'",
                "levels 5..3",
                "levels 0 to 3");
    }

    @Test
    void refusesAMalformedQuasiFlagAndSeparator() {
        assertRefused(
                run("--input", table.toString(), "--out", out.toString(), "--quasi", "sex", "--k", "2"),
                "--quasi sex: expected COLUMN=HIERARCHY.csv");
        assertRefused(
                run("--input", table.toString(), "--out", out.toString(), "--separator", ";;", "--k", "2"),
                "--separator must be one character");
    }

    @Test
    void refusesAMissingInputFile() {
        assertRefused(
                run("--input", dir.resolve("none.csv").toString(), "--out", out.toString(), "--k", "2"),
                "none.csv does not exist");
    }

    @Test
    void refusesABadTimeBudgetMetricOrRiskThreshold() {
        assertRefused(
                run(common("--k", "2", "--time-budget", "soon").toArray(String[]::new)),
                "--time-budget: 'soon' is not a duration");
        assertRefused(
                run(common("--k", "2", "--time-budget", "-5s").toArray(String[]::new)),
                "--time-budget: the time budget '-5s' is negative");
        assertRefused(
                run(common("--k", "2", "--metric", "accuracy").toArray(String[]::new)),
                "--metric: unknown metric 'accuracy'");
        assertRefused(
                run(common("--k", "2", "--risk-threshold", "0").toArray(String[]::new)),
                "the risk threshold 0.0 is not a probability above 0 and at most 1");
    }

    @Test
    void refusesAHeaderWithANamelessOrRepeatedColumn() throws IOException {
        Files.writeString(table, Files.readString(table).replace("name;sex;age;disease;city", "name;sex;age; ;city"));
        assertRefused(
                run(common("--k", "2").toArray(String[]::new)),
                "members.csv line 1",
                "column 4 of the header has no name");
        Files.writeString(table, Files.readString(table).replace("name;sex;age; ;city", "name;sex;age;sex;city"));
        assertRefused(
                run(common("--k", "2").toArray(String[]::new)),
                "members.csv line 1",
                "columns 2 and 4 of the header are both named 'sex'");
    }

    @Test
    void refusesATableWithoutRows() throws IOException {
        Files.writeString(table, "name;sex;age;disease;city\n");
        assertRefused(run(common("--k", "2").toArray(String[]::new)), "the table has no rows");
    }

    @Test
    void refusesAHierarchyOnAnIdentifyingOrInsensitiveColumn() throws IOException {
        Path identifying =
                write("i.yaml", "columns:\n  name: {role: identifying, hierarchy: sex.csv}\n" + "models: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        identifying.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString(),
                        "--quasi",
                        "sex=" + sexes),
                "a hierarchy is given for column 'name'," + " which is identifying");
        Path insensitive =
                write("n.yaml", "columns:\n  city: {role: insensitive, hierarchy: sex.csv}\n" + "models: {k: 2}\n");
        assertRefused(
                run(
                        "--config",
                        insensitive.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString(),
                        "--quasi",
                        "sex=" + sexes),
                "a hierarchy is given for column 'city'," + " which is insensitive");
    }

    @Test
    void refusesLevelsOnAColumnThatIsNotAQuasiIdentifier() throws IOException {
        write("disease.csv", "flu;infection;*\ncold;infection;*\nasthma;chronic;*\n");
        assertRefusedWithConfig(
                "columns:\n  disease: {role: sensitive, hierarchy: disease.csv,"
                        + " levels: {min: 1}}\nmodels: {k: 2}\n",
                "generalization levels given for column 'disease', which is not quasi-identifying");
        assertRefusedWithConfig(
                "columns:\n  city: {role: insensitive, levels: {min: 1}}\nmodels: {k: 2}\n",
                "c.yaml line 2",
                "levels are given for 'city', which has no hierarchy");
    }

    @Test
    void refusesAQuasiIdentifierWithoutAHierarchy() throws IOException {
        assertRefusedWithConfig(
                "columns:\n  city: {role: quasi}\nmodels: {k: 2}\n", "quasi-identifier 'city' has no hierarchy");
    }

    @Test
    void refusesKmAnonymityWithKAboveTheRowCount() throws IOException {
        assertRefusedWithConfig(
                "columns:\n  city: {role: set-valued}\n"
                        + "models:\n  k: 2\n  km-anonymity: {column: city, k: 41, m: 2}\n",
                "impossible: (41,2)-anonymity on 'city' needs at least 41 records but the table has 40");
    }

    @Test
    void refusesWhenNoGeneralizationFitsTheSuppressionLimitNamingTheModel() throws IOException {
        // the exact ages are all different: every record would be alone in its class
        Path config = write(
                "c.yaml",
                "columns:\n  age: {role: quasi, hierarchy: age.csv, levels: {max: 0}}\n"
                        + "models: {k: 2}\nsuppression: 0.05\n");
        assertRefused(
                run(
                        "--config",
                        config.toString(),
                        "--input",
                        table.toString(),
                        "--separator",
                        ";",
                        "--out",
                        out.toString()),
                "no generalization satisfies the models within the suppression limit"
                        + " of 0.05 (at most 2 of 40 records)",
                "even at the coarsest generalization allowed, 2-anonymity" + " alone suppresses 40 records",
                "raise the suppression limit");
    }

    @Test
    void refusesAnUnknownRuleVariantDistanceOrSearchMode() throws IOException {
        Map<String, String> configs = Map.of(
                "columns:\n  city: {role: quasi, hierarchy: {rule: rounding}}\nmodels: {k: 2}\n",
                "unknown rule 'rounding'",
                "models:\n  k: 2\n  l-diversity: {column: disease, l: 2, variant: probabilistic}\n",
                "unknown l-diversity variant 'probabilistic'",
                "models:\n  k: 2\n  t-closeness: {column: disease, t: 0.2, distance: ordered}\n",
                "unknown distance 'ordered'",
                "models: {k: 2}\nsearch: {mode: fast}\n",
                "unknown search mode 'fast'");
        for (Map.Entry<String, String> entry : configs.entrySet()) {
            assertRefusedWithConfig(entry.getKey(), "c.yaml line ", entry.getValue());
        }
    }

    @Test
    void refusesASuppressionLimitOutsideZeroToOne() {
        assertRefused(run(common("--k", "2", "--suppression", "5").toArray(String[]::new)), "suppression limit 5.0");
    }
}
