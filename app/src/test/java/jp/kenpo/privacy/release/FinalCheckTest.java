package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last look reads the files as written and knows nothing of how they were made. */
class FinalCheckTest {

    private static final String ITEM = "性別";
    private static final String PSEUDONYM = "0123456789abcdef0123456789abcdef";
    private static final Member MEMBER = new Member(
            1,
            "06130207",
            new MemberKey("4711", "815", "01"),
            MemberKind.INSURED,
            Optional.empty(),
            "見本 太郎",
            "ミホン タロウ",
            Sex.MALE,
            LocalDate.of(1980, 5, 6),
            List.of(new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.empty())));

    @TempDir
    Path staging;

    private static ReleaseSpec spec(int k) {
        var persons = List.of(
                new ReleaseSpec.SpecColumn(ReleaseTable.PERSONS.column("person").orElseThrow(), ITEM, 1),
                new ReleaseSpec.SpecColumn(ReleaseTable.PERSONS.column("sex").orElseThrow(), ITEM, 2));
        return new ReleaseSpec(
                "spec.yaml",
                "0".repeat(64),
                "EXAMPLE-VENDOR",
                1,
                Optional.empty(),
                1,
                "ELECTRONIC",
                1,
                PseudonymPolicy.PER_RELEASE,
                new ReleaseSpec.Thresholds(k, 0.05, k, 2, k, 90, 99.5, 99.5),
                Map.of(ReleaseTable.PERSONS, persons));
    }

    private Map<String, Long> check(String persons, int k) throws Exception {
        Files.writeString(staging.resolve("persons.csv"), persons, StandardCharsets.UTF_8);
        return new FinalCheck(List.of(MEMBER)).check(staging, spec(k), Set.of(ITEM));
    }

    private static String rows(String sex, int n) {
        return (PSEUDONYM + "," + sex + "\n").repeat(n);
    }

    @Test
    void aCleanTableOfClassesOfKPasses() throws Exception {
        assertThat(check("person,sex\n" + rows("1", 3) + rows("2", 3), 3)).containsEntry("persons", 6L);
    }

    private static String pseudonym(int n) {
        return String.format("%032x", n);
    }

    /** STABLE (Rule 34(5)): the persons the recipient holds from earlier releases count in the classes. */
    @Test
    void theCumulativeTableCountsTheRowsTheRecipientHoldsFromEarlierReleases() throws Exception {
        String file = "person,sex\n" + pseudonym(1) + ",1\n" + pseudonym(2) + ",1\n" + pseudonym(3) + ",2\n"
                + pseudonym(4) + ",2\n" + pseudonym(5) + ",2\n";
        Files.writeString(staging.resolve("persons.csv"), file, StandardCharsets.UTF_8);
        // alone, sex 1 is a class of two; with the earlier person of sex 1 it holds three
        Map<String, Map<String, String>> earlier = Map.of(pseudonym(9), Map.of("sex", "1"));
        assertThat(new FinalCheck(List.of(MEMBER)).check(staging, spec(3), Set.of(ITEM), earlier))
                .containsEntry("persons", 5L);
        // an earlier row the file restates (same pseudonym) is counted once, with the file's values
        Map<String, Map<String, String>> restated = Map.of(pseudonym(3), Map.of("sex", "1"));
        assertThatThrownBy(() -> new FinalCheck(List.of(MEMBER)).check(staging, spec(3), Set.of(ITEM), restated))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("fewer than k = 3");
    }

    @Test
    void aCumulativeClassBelowKIsRefusedThoughTheFileAloneHoldsK() throws Exception {
        String file = "person,sex\n" + pseudonym(1) + ",1\n" + pseudonym(2) + ",1\n" + pseudonym(3) + ",1\n";
        Files.writeString(staging.resolve("persons.csv"), file, StandardCharsets.UTF_8);
        Map<String, Map<String, String>> earlier = Map.of(pseudonym(9), Map.of("sex", "2"));
        assertThatThrownBy(() -> new FinalCheck(List.of(MEMBER)).check(staging, spec(3), Set.of(ITEM), earlier))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("holds 1 persons, fewer than k = 3")
                .hasMessageContaining("earlier releases");
    }

    @Test
    void aClassBelowKIsRefused() {
        assertThatThrownBy(() -> check("person,sex\n" + rows("1", 3) + rows("2", 2), 3))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("fewer than k = 3");
    }

    @Test
    void aMemberKeyNameSymbolNumberOrInsurerNumberIsRefusedWithoutTheValue() {
        for (String value : List.of("4711-815-01", "見本 太郎", "ミホンタロウ", "4711-815", "06130207")) {
            assertThatThrownBy(() -> check("person,sex\n" + rows(value, 3), 1))
                    .isInstanceOf(ReleaseRefusedException.class)
                    .hasMessageContaining("persons.csv:2")
                    .hasMessageContaining("column 'sex'")
                    .hasMessageNotContaining(value);
        }
    }

    /** Seen at 1,000,000 generated members: 記号 2025, 番号 10 reads as the month 2025-10. */
    @Test
    void aYearMonthInAMonthColumnIsAMonthThoughSomeMembersSymbolAndNumberReadTheSame() throws Exception {
        Member numeric = new Member(
                2,
                "06130207",
                new MemberKey("2025", "10", "00"),
                MemberKind.INSURED,
                Optional.empty(),
                "見本 花子",
                "ミホン ハナコ",
                Sex.FEMALE,
                LocalDate.of(1990, 1, 2),
                List.of(new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.empty())));
        var columns = List.of(
                new ReleaseSpec.SpecColumn(ReleaseTable.PERSONS.column("person").orElseThrow(), ITEM, 1),
                new ReleaseSpec.SpecColumn(ReleaseTable.PERSONS.column("sex").orElseThrow(), ITEM, 2),
                new ReleaseSpec.SpecColumn(
                        ReleaseTable.PERSONS.column("birth_month").orElseThrow(), ITEM, 3));
        ReleaseSpec spec = new ReleaseSpec(
                "spec.yaml",
                "0".repeat(64),
                "EXAMPLE-VENDOR",
                1,
                Optional.empty(),
                1,
                "ELECTRONIC",
                1,
                PseudonymPolicy.PER_RELEASE,
                new ReleaseSpec.Thresholds(1, 0.05, 1, 2, 1, 90, 99.5, 99.5),
                Map.of(ReleaseTable.PERSONS, columns));
        var check = new FinalCheck(List.of(numeric));

        Files.writeString(
                staging.resolve("persons.csv"),
                "person,sex,birth_month\n" + PSEUDONYM + ",2,2025-10\n",
                StandardCharsets.UTF_8);
        assertThat(check.check(staging, spec, Set.of(ITEM))).containsEntry("persons", 1L);

        // the same text where no month belongs is the member's 記号・番号
        Files.writeString(
                staging.resolve("persons.csv"),
                "person,sex,birth_month\n" + PSEUDONYM + ",2025-10,1990-01\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> check.check(staging, spec, Set.of(ITEM)))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("persons.csv:2")
                .hasMessageContaining("column 'sex'")
                .hasMessageNotContaining("2025-10");
        // and in a month column, the whole key still is
        Files.writeString(
                staging.resolve("persons.csv"),
                "person,sex,birth_month\n" + PSEUDONYM + ",2,2025-10-00\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> check.check(staging, spec, Set.of(ITEM)))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("column 'birth_month'");
    }

    @Test
    void anIndividualNumberIsRefusedHoweverWritten() {
        // 12 digits whose last is the check digit of the first eleven
        String number = "123456789018";
        assertThat(jp.kenpo.privacy.shared.NumberMask.passesCheckDigit(number)).isTrue();
        assertThatThrownBy(() -> check("person,sex\n" + rows("x" + number, 3), 1))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("individual number")
                .hasMessageNotContaining(number);
    }

    @Test
    void aPseudonymColumnHoldingAnythingElseIsRefused() {
        assertThatThrownBy(() -> check("person,sex\n4711-815-01,1\n", 1))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("column 'person' holds something other than a pseudonym");
    }

    @Test
    void aColumnNotInTheSpecIsRefused() {
        assertThatThrownBy(() -> check("person,sex,address\n" + PSEUDONYM + ",1,x\n", 1))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("column 'address' is not in the spec");
    }

    @Test
    void aColumnUnderAnItemNoLongerPublishedIsRefused() throws Exception {
        Files.writeString(staging.resolve("persons.csv"), "person,sex\n" + rows("1", 2), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FinalCheck(List.of(MEMBER)).check(staging, spec(1), Set.of("生年月")))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("under no published item of 9.1");
    }

    private String outcome(FinalCheck check, ReleaseSpec spec, String file) throws Exception {
        Files.writeString(staging.resolve("persons.csv"), file, StandardCharsets.UTF_8);
        try {
            return "rows " + check.check(staging, spec, Set.of(ITEM)).get("persons");
        } catch (ReleaseRefusedException e) {
            return e.getMessage();
        }
    }

    /**
     * A line of plain ASCII is read from its bytes, any other (a quote, other characters) as text:
     * the same cell, quoted, meets the same rules.
     */
    @Test
    void aCellIsJudgedAlikeWhetherItsLineIsReadAsBytesOrAsText() throws Exception {
        Member letters = new Member(
                3,
                "06130207",
                new MemberKey("AB12", "77", "01"),
                MemberKind.INSURED,
                Optional.empty(),
                "SMITH JOHN",
                "スミス ジョン",
                Sex.MALE,
                LocalDate.of(1970, 1, 1),
                List.of(new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.empty())));
        Member monthly = new Member(
                4,
                "06130207",
                new MemberKey("2025", "10", "00"),
                MemberKind.INSURED,
                Optional.empty(),
                "見本 花子",
                "ミホン ハナコ",
                Sex.FEMALE,
                LocalDate.of(1990, 1, 2),
                List.of(new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.empty())));
        var check = new FinalCheck(List.of(MEMBER, letters, monthly));
        var columns = List.of(
                new ReleaseSpec.SpecColumn(ReleaseTable.PERSONS.column("person").orElseThrow(), ITEM, 1),
                new ReleaseSpec.SpecColumn(ReleaseTable.PERSONS.column("sex").orElseThrow(), ITEM, 2),
                new ReleaseSpec.SpecColumn(
                        ReleaseTable.PERSONS.column("birth_month").orElseThrow(), ITEM, 3));
        ReleaseSpec spec = new ReleaseSpec(
                "spec.yaml",
                "0".repeat(64),
                "EXAMPLE-VENDOR",
                1,
                Optional.empty(),
                1,
                "ELECTRONIC",
                1,
                PseudonymPolicy.PER_RELEASE,
                new ReleaseSpec.Thresholds(1, 0.05, 1, 2, 1, 90, 99.5, 99.5),
                Map.of(ReleaseTable.PERSONS, columns));
        List<String> cells = List.of(
                "1",
                "",
                " ",
                "4711-815-01",
                " 4711-815-01\t",
                "4711-815",
                "4711-81",
                "06130207",
                "0613020",
                "AB12-77-01",
                "AB12-77",
                "SMITH JOHN",
                "SMITHJOHN",
                "SMITH  JOHN",
                "2025-10",
                "2025-10-00",
                "2025-13",
                "1234 5678 9018",
                "x123456789018",
                "123456789018x5",
                "3F015000002327101",
                PSEUDONYM,
                "0123456789ABCDEF0123456789abcdef");
        int refused = 0;
        for (String cell : cells) {
            for (int column = 0; column < 3; column++) {
                String[] row = {PSEUDONYM, "1", "1990-01"};
                row[column] = cell;
                String plain = "person,sex,birth_month\n" + String.join(",", row) + "\n";
                row[column] = "\"" + cell + "\"";
                String quoted = "person,sex,birth_month\n" + String.join(",", row) + "\n";
                String asBytes = outcome(check, spec, plain);
                assertThat(outcome(check, spec, quoted))
                        .as(cell + " in column " + column)
                        .isEqualTo(asBytes);
                if (!asBytes.startsWith("rows")) {
                    refused++;
                    if (cell.strip().length() >= 4) {
                        assertThat(asBytes).doesNotContain(cell.strip());
                    }
                }
            }
        }
        assertThat(refused).as("cells refused").isGreaterThan(20);
        // a 記号-番号 that reads as a month is a month in a column of months, and refused elsewhere
        assertThat(outcome(check, spec, "person,sex,birth_month\n" + PSEUDONYM + ",1,2025-10\n"))
                .isEqualTo("rows 1");
        assertThat(outcome(check, spec, "person,sex,birth_month\n" + PSEUDONYM + ",2025-10,1990-01\n"))
                .contains("column 'sex' equals");
        assertThat(outcome(check, spec, "person,sex,birth_month\n" + PSEUDONYM + ",SMITHJOHN,1990-01\n"))
                .contains("column 'sex' equals");
    }

    @Test
    void linesAreNumberedAsAReaderNumbersThemWhateverEndsThem() throws Exception {
        var check = new FinalCheck(List.of(MEMBER));
        assertThat(outcome(check, spec(1), "person,sex\r\n" + PSEUDONYM + ",1\r\n" + PSEUDONYM + ",4711-815-01\r\n"))
                .contains("persons.csv:3: column 'sex'");
        assertThat(outcome(check, spec(1), "person,sex\r" + PSEUDONYM + ",1\r" + PSEUDONYM + ",4711-815-01"))
                .contains("persons.csv:3: column 'sex'");
        assertThat(outcome(check, spec(1), "person,sex\n" + PSEUDONYM + ",1\n" + PSEUDONYM + ",1,2\n"))
                .contains("persons.csv:3: the row has 3 cells, the header 2");
        assertThat(outcome(check, spec(1), "person,sex\n" + PSEUDONYM + ",1\n\n"))
                .contains("persons.csv:3");
        assertThat(outcome(check, spec(1), "person,sex\n" + PSEUDONYM + ",1\n" + PSEUDONYM + ",2"))
                .isEqualTo("rows 2");
    }
}
