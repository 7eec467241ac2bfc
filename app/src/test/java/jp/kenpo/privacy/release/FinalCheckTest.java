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
}
