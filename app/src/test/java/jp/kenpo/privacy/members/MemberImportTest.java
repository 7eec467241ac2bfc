package jp.kenpo.privacy.members;

import static jp.kenpo.privacy.testing.TestMembers.csv;
import static jp.kenpo.privacy.testing.TestMembers.dependent;
import static jp.kenpo.privacy.testing.TestMembers.freshSymbol;
import static jp.kenpo.privacy.testing.TestMembers.insured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MemberImportTest extends DatabaseTest {

    private static final Charset SJIS = Charset.forName("Windows-31J");

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    private ImportReport importText(String text, Charset charset, boolean skipBad) {
        return memberImport.importCsv(
                new ByteArrayInputStream(text.getBytes(charset)), "members.csv", charset, skipBad);
    }

    private List<ImportProblem> rejected(String text) {
        long before = registry.count();
        try {
            importText(text, StandardCharsets.UTF_8, false);
        } catch (ImportRejectedException e) {
            assertThat(registry.count()).as("nothing imported").isEqualTo(before);
            return e.problems();
        }
        throw new AssertionError("the file was imported");
    }

    @Test
    void importsHouseholdsAndUpdatesThemByKey() {
        String s = freshSymbol();
        // the dependent comes before the insured person it belongs to
        ImportReport first = importText(
                csv(List.of(dependent(s, "7", "01", "2021-04-01"), insured(s, "7", "2020-04-01", null))),
                StandardCharsets.UTF_8,
                false);

        assertThat(first.membersAdded()).isEqualTo(2);
        Member child = registry.require(new MemberKey(s, "7", "01"));
        assertThat(child.kind()).isEqualTo(MemberKind.DEPENDENT);
        assertThat(child.insured()).contains(new MemberKey(s, "7", "00"));
        assertThat(registry.dependentsOf(new MemberKey(s, "7", "00")))
                .extracting(Member::key)
                .containsExactly(child.key());

        // leaves in 2023, re-joins in 2024: one update, one new period
        ImportReport second = importText(
                csv(List.of(insured(s, "7", "2020-04-01", "2023-10-01"), insured(s, "7", "2024-04-01", null))),
                StandardCharsets.UTF_8,
                false);

        assertThat(second.membersUpdated()).isEqualTo(1);
        assertThat(second.periodsUpdated()).isEqualTo(1);
        assertThat(second.periodsAdded()).isEqualTo(1);
        Member parent = registry.require(new MemberKey(s, "7", "00"));
        assertThat(parent.eligibility()).hasSize(2);
        assertThat(parent.eligibleOn(LocalDate.of(2023, 9, 30))).isTrue();
        assertThat(parent.eligibleOn(LocalDate.of(2023, 10, 1))).isFalse();
        assertThat(parent.eligibleOn(LocalDate.of(2024, 4, 1))).isTrue();
    }

    @Test
    void aDependentWhoBecomesInsuredLeavesTheHousehold() {
        String s = freshSymbol();
        importText(
                csv(List.of(insured(s, "8", "2020-04-01", null), dependent(s, "8", "01", "2021-04-01"))),
                StandardCharsets.UTF_8,
                false);
        String nowInsured = dependent(s, "8", "01", "2021-04-01").replace(",dependent,00,", ",insured,,");

        importText(csv(List.of(nowInsured)), StandardCharsets.UTF_8, false);

        Member former = registry.require(new MemberKey(s, "8", "01"));
        assertThat(former.kind()).isEqualTo(MemberKind.INSURED);
        assertThat(former.insured()).isEmpty();
        assertThat(registry.dependentsOf(new MemberKey(s, "8", "00"))).isEmpty();
    }

    @Test
    void shiftJisNeedsItsEncodingNamed() {
        String s = freshSymbol();
        String text = csv(List.of(insured(s, "1", "2020-04-01", null)));

        assertThat(importText(text, SJIS, false).membersAdded()).isEqualTo(1);
        assertThat(registry.require(new MemberKey(s, "1", "00")).nameKanji()).isEqualTo("試験 太郎");

        String other = freshSymbol();
        byte[] sjis = csv(List.of(insured(other, "1", "2020-04-01", null))).getBytes(SJIS);
        assertThatThrownBy(() -> memberImport.importCsv(
                        new ByteArrayInputStream(sjis), "sjis.csv", StandardCharsets.UTF_8, false))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("sjis.csv:2")
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("Windows-31J");
    }

    @Test
    void eachBadFieldIsNamedWithItsLineAndColumn() {
        String s = freshSymbol();
        String good = insured(s, "1", "2020-04-01", null);
        List<ImportProblem> problems = rejected(csv(List.of(
                good,
                good.replace(TestMembers.INSURER, "06139910"),
                insured(s, "3", "2020-04-01", null).replace(",1,1980-04-01,", ",3,1980-04-01,"),
                insured(s, "4", "2020-04-01", null).replace("1980-04-01", "1980-02-30"),
                insured(s, "5", "2020-04-01", null).replace("シケン タロウ", "しけん たろう"),
                insured(s, "6", "2020-04-01", "2019-04-01"),
                insured(s, "7", "2020-04-01", null).replace(",insured,", ",spouse,"),
                dependent(s, "8", "01", "2020-04-01"),
                insured(s, "9", "2020-04-01", null) + ",extra",
                insured(s, "1", "2020-04-01", null),
                good.replace(TestMembers.INSURER, "01139916"))));

        assertThat(problems)
                .extracting(ImportProblem::toString)
                .containsExactlyInAnyOrder(
                        "members.csv:3: column insurer_number: '06139910' check digit is 0 but should be 9",
                        "members.csv:4: column sex: '3' must be 1 (male) or 2 (female)",
                        "members.csv:5: column birth_date: '1980-02-30' is not a date YYYY-MM-DD",
                        "members.csv:6: column name_kana: must be written in katakana",
                        "members.csv:7: column lost_on: 2019-04-01 must be after acquired_on 2020-04-01",
                        "members.csv:8: column kind: 'spouse' must be insured or dependent",
                        "members.csv:10: has 13 fields, expected 12",
                        "members.csv:11: member " + s + "-1-00 has a period acquired on 2020-04-01 already on line 2",
                        "members.csv:9: column insured_branch: the insured person " + s
                                + "-8-00 is neither in the file nor in the registry",
                        "members.csv:12: column insurer_number: '01139916' must start with 06 (法別番号 of a health insurance society)");
    }

    @Test
    void aNumberTypedIntoANameIsRefusedAndNeverRepeated() {
        String s = freshSymbol();
        String n = TestNumbers.next();
        String spaced = n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8);
        String fullWidth =
                n.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
        List<ImportProblem> problems = rejected(csv(List.of(
                insured(s, "1", "2020-04-01", null).replace("試験 太郎", "試験 " + spaced),
                insured(s, "2", "2020-04-01", null).replace("試験 太郎", "x" + n),
                insured(s, "3", "2020-04-01", null).replace("シケン タロウ", n),
                insured(s, "4", "2020-04-01", null).replace("シケン タロウ", fullWidth),
                insured(s, "5", "2020-04-01", null).replace("試験 太郎", "試験\0太郎"))));
        assertThat(problems)
                .extracting(ImportProblem::column)
                .containsExactly("name_kanji", "name_kanji", "name_kana", "name_kana", "name_kanji");
        assertThat(problems.subList(0, 4))
                .allSatisfy(p -> assertThat(p.reason()).contains("individual number"));
        assertThat(problems.get(4).reason()).contains("control character");
        assertThat(problems)
                .allSatisfy(p -> assertThat(p.toString())
                        .doesNotContain(n.substring(0, 4))
                        .doesNotContain(n.substring(8))
                        .doesNotContain(fullWidth.substring(0, 4)));
    }

    @Test
    void aWrongHeaderIsRefusedBeforeAnyRow() {
        assertThat(rejected("insurer,symbol\n1,2\n"))
                .singleElement()
                .asString()
                .contains("members.csv:1")
                .contains("header column 1 is 'insurer' but should be 'insurer_number'");
        assertThat(rejected("")).singleElement().asString().contains("empty");
    }

    @Test
    void anUnclosedQuoteIsNamed() {
        String s = freshSymbol();
        assertThat(rejected(csv(List.of(
                        insured(s, "1", "2020-04-01", null),
                        insured(s, "2", "2020-04-01", null).replace("試験 太郎", "\"試験 太郎")))))
                .singleElement()
                .asString()
                .contains("members.csv:3")
                .contains("closing quote is missing");
    }

    @Test
    void overlappingPeriodsAreRefusedInTheFileAndAgainstTheRegistry() {
        String s = freshSymbol();
        assertThat(rejected(
                        csv(List.of(insured(s, "1", "2020-04-01", "2023-04-01"), insured(s, "1", "2022-04-01", null)))))
                .singleElement()
                .asString()
                .contains("overlaps the period on line 2");

        importText(csv(List.of(insured(s, "1", "2020-04-01", "2023-04-01"))), StandardCharsets.UTF_8, false);
        assertThat(rejected(csv(List.of(insured(s, "1", "2022-04-01", null)))))
                .singleElement()
                .asString()
                .contains("overlaps the registered period from 2020-04-01 to 2023-04-01");
    }

    @Test
    void skipBadImportsTheGoodRowsAndCountsTheBadOnes() {
        String s = freshSymbol();
        ImportReport r = importText(
                csv(List.of(
                        insured(s, "1", "2020-04-01", null),
                        insured(s, "2", "2020-04-01", null).replace("1980-04-01", "tomorrow"),
                        dependent(s, "2", "01", "2020-04-01"))),
                StandardCharsets.UTF_8,
                true);

        assertThat(r.membersAdded()).isEqualTo(1);
        assertThat(r.rowsSkipped())
                .as("the bad insured person, then their dependent")
                .isEqualTo(2);
        assertThat(registry.find(new MemberKey(s, "2", "01"))).isEmpty();
    }

    @Test
    void aChangedIdentityOnARegisteredKeyIsRefusedNamingTheFieldsNotTheirValues() {
        String s = freshSymbol();
        importText(csv(List.of(insured(s, "1", "2020-04-01", "2023-04-01"))), StandardCharsets.UTF_8, false);
        String anotherInsurer = "061399" + "2" + jp.kenpo.privacy.formats.InsurerNumber.checkDigit("0613992");
        // another person under the same key, for a period that overlaps nothing registered
        String otherPerson = insured(s, "1", "2024-04-01", null)
                .replace(TestMembers.INSURER, anotherInsurer)
                .replace("試験 太郎", "別人 次郎")
                .replace("シケン タロウ", "ベツジン ジロウ")
                .replace(",1,1980-04-01,", ",2,1975-01-02,");

        List<ImportProblem> problems = rejected(csv(List.of(otherPerson)));

        assertThat(problems)
                .extracting(ImportProblem::column)
                .containsExactly("insurer_number", "name_kanji", "name_kana", "sex", "birth_date");
        assertThat(problems)
                .allSatisfy(p -> assertThat(p.toString())
                        .startsWith("members.csv:2: column ")
                        .contains(s + "-1-00"));
        assertThat(problems.get(0).reason()).contains(anotherInsurer).contains(TestMembers.INSURER);
        assertThat(problems.toString())
                .doesNotContain("別人")
                .doesNotContain("ベツジン")
                .doesNotContain("1975")
                .doesNotContain("試験")
                .doesNotContain("シケン")
                .doesNotContain("1980");
        Member kept = registry.require(new MemberKey(s, "1", "00"));
        assertThat(kept.nameKanji()).isEqualTo("試験 太郎");
        assertThat(kept.insurerNumber()).isEqualTo(TestMembers.INSURER);
        assertThat(kept.eligibility()).hasSize(1);
    }

    @Test
    void oneChangedFieldIsEnoughToRefuseTheRowAndSkipBadSkipsIt() {
        String s = freshSymbol();
        importText(csv(List.of(insured(s, "1", "2020-04-01", "2023-04-01"))), StandardCharsets.UTF_8, false);
        String married = insured(s, "1", "2024-04-01", null).replace("試験 太郎", "別姓 太郎");

        assertThat(rejected(csv(List.of(married))))
                .extracting(ImportProblem::column)
                .containsExactly("name_kanji");
        ImportReport skipped =
                importText(csv(List.of(married, insured(s, "2", "2024-04-01", null))), StandardCharsets.UTF_8, true);
        assertThat(skipped.membersUpdated()).isZero();
        assertThat(skipped.membersAdded()).isEqualTo(1);
        assertThat(registry.require(new MemberKey(s, "1", "00")).nameKanji()).isEqualTo("試験 太郎");
    }

    @Test
    void theSameNameInAnotherWidthIsTheSamePersonAndKeepsItsRegisteredSpelling() {
        String s = freshSymbol();
        importText(csv(List.of(insured(s, "1", "2020-04-01", "2023-04-01"))), StandardCharsets.UTF_8, false);
        // half-width katakana and a full-width space: the same name after NFKC
        String sameName = insured(s, "1", "2024-04-01", null).replace("シケン タロウ", "ｼｹﾝ　ﾀﾛｳ");

        ImportReport r = importText(csv(List.of(sameName)), StandardCharsets.UTF_8, false);

        assertThat(r.membersUpdated()).isEqualTo(1);
        assertThat(r.periodsAdded()).isEqualTo(1);
        assertThat(registry.require(new MemberKey(s, "1", "00")).nameKana()).isEqualTo("シケン タロウ");

        // and so within one file: the first row's spelling is registered
        ImportReport inOneFile = importText(
                csv(List.of(
                        insured(s, "2", "2020-04-01", "2023-04-01"),
                        insured(s, "2", "2024-04-01", null).replace("シケン タロウ", "ｼｹﾝ ﾀﾛｳ"))),
                StandardCharsets.UTF_8,
                false);
        assertThat(inOneFile.periodsAdded()).isEqualTo(2);
        assertThat(registry.require(new MemberKey(s, "2", "00")).nameKana()).isEqualTo("シケン タロウ");
    }
}
