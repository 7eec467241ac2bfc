package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Help, usage errors and the engines' commands answer without starting the application or its database. */
class PureCommandsTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kenpo.execute(
                args, PureCommandsTest::noApplication, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static ConfigurableApplicationContext noApplication() {
        throw new AssertionError("this command must not start the application");
    }

    @Test
    void helpListsEveryCommand() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("serve", "notice", "catalog", "members", "consent", "decide", "ledger", "anonymize");
    }

    @Test
    void usageErrorsExitTwo() {
        String[] r = run("decide", "--purpose", "3.8");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--member", "--all", "--members-file");
    }

    /** A value picocli cannot read is named with its option and the form it takes, never a Java class nor the value. */
    @Test
    void aValueThatCannotBeReadNamesTheOptionAndItsForm() {
        String[][] cases = {
            {
                "--received",
                "expected a date YYYY-MM-DD",
                "2026/04/01",
                "consent reserve --member 1234-5678-01 --purpose 3.8 --received 2026/04/01"
            },
            {
                "--channel",
                "expected one of PAPER, COUNTER, PHONE, PORTAL",
                "fax",
                "consent reserve --member 1234-5678-01 --purpose 3.8 --channel fax"
            },
            {"--member", "SYMBOL-NUMBER-BRANCH", "12-34", "consent show --member 12-34"},
            {"--purpose", "CATEGORY.ITEM", "38", "decide --purpose 38 --all"},
            {
                "--at",
                "expected a date or date-time: 2026-04-01, 2026-04-01T10:00 (Tokyo time)",
                "soon",
                "decide --purpose 3.8 --all --at soon"
            },
            {"--action", "expected one of", "FORGOTTEN", "audit search --action FORGOTTEN"},
            {"--limit", "expected a whole number", "many", "audit search --limit many"},
            {"--encoding", "expected an encoding", "klingon", "members import x.csv --encoding klingon"},
        };
        for (String[] c : cases) {
            String[] r = run(c[3].split(" "));
            assertThat(r[0]).as(c[3]).isEqualTo("2");
            String message = r[2].lines().findFirst().orElse("");
            assertThat(message)
                    .as(c[3])
                    .contains("'" + c[0] + "'")
                    .contains(c[1])
                    .doesNotContain(c[2]);
            assertThat(r[2]).doesNotContain("java.", "jp.kenpo", "Exception");
        }
    }

    @Test
    void enumValuesAreReadInAnyCase() {
        var parsed = Kenpo.commandLine(PureCommandsTest::noApplication)
                .parseArgs(
                        "consent",
                        "reserve",
                        "--member",
                        "1234-5678-01",
                        "--purpose",
                        "3.8",
                        "--channel",
                        "Counter",
                        "--filed-by",
                        "insured_person");
        var reserve = parsed.subcommand().subcommand();
        assertThat((Object) reserve.matchedOptionValue("--channel", null)).hasToString("COUNTER");
        assertThat((Object) reserve.matchedOptionValue("--filed-by", null)).hasToString("INSURED_PERSON");
    }

    @Test
    void anonymizeRunsTheEngine() throws Exception {
        Path table = dir.resolve("t.csv");
        var rows = new StringBuilder("sex;age;disease\n");
        for (int i = 0; i < 60; i++) {
            rows.append(i % 2 == 0 ? "M" : "F")
                    .append(';')
                    .append(20 + i % 30)
                    .append(";d")
                    .append(i % 3)
                    .append('\n');
        }
        Files.writeString(table, rows);
        Path age = dir.resolve("age.csv");
        var levels = new StringBuilder();
        for (int a = 20; a < 50; a++) {
            levels.append(a)
                    .append(';')
                    .append(a / 10 * 10)
                    .append("-")
                    .append(a / 10 * 10 + 9)
                    .append(";*\n");
        }
        Files.writeString(age, levels);
        Path sex = dir.resolve("sex.csv");
        Files.writeString(sex, "M;*\nF;*\n");
        Path out = dir.resolve("out");

        String[] r = run(
                "anonymize",
                "--input",
                table.toString(),
                "--separator",
                ";",
                "--out",
                out.toString(),
                "--quasi",
                "age=" + age,
                "--quasi",
                "sex=" + sex,
                "--k",
                "5");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(out.resolve("anonymized.csv")).exists();
        assertThat(out.resolve("report.json")).exists();
    }

    @Test
    void anonymizeRefusesABadConfigurationWithExitTwoAndWritesNothing() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, "name;sex\nA;M\nB;F\n");
        Path sex = dir.resolve("sex.csv");
        Files.writeString(sex, "M;*\nF;*\n");
        Path out = dir.resolve("out");

        String[] r = run(
                "anonymize",
                "--input",
                table.toString(),
                "--separator",
                ";",
                "--out",
                out.toString(),
                "--quasi",
                "sex=" + sex,
                "--identifying",
                "name",
                "--sensitive",
                "name",
                "--k",
                "2");

        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2]).contains("column 'name' is given two roles", "nothing was written");
        assertThat(out).doesNotExist();
    }
}
