package jp.kenpo.privacy.members;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class MemberCorrectionsTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberCorrections corrections;

    @Autowired
    AuditReview review;

    @Autowired
    JdbcTemplate jdbc;

    private static IdentityCorrection name(String kanji, String kana, String reason) {
        return new IdentityCorrection(
                Optional.empty(),
                Optional.ofNullable(kanji),
                Optional.ofNullable(kana),
                Optional.empty(),
                Optional.empty(),
                reason);
    }

    private MemberCorrection asClerk(MemberKey m, IdentityCorrection c) {
        return as("clerk", Role.CLERK, () -> corrections.correct(m, c));
    }

    @Test
    void aCorrectionChangesTheIdentityAndKeepsTheOldValuesWithItsReason() {
        MemberKey m = TestMembers.register(memberImport);

        MemberCorrection c = asClerk(m, name("別姓 太郎", "ベッセイ タロウ", "氏名変更届 2026-12-01"));

        Member now = registry.require(m);
        assertThat(now.nameKanji()).isEqualTo("別姓 太郎");
        assertThat(now.nameKana()).isEqualTo("ベッセイ タロウ");
        assertThat(now.birthDate()).as("what was not given is kept").hasToString("1980-04-01");
        assertThat(c.changes()).extracting(MemberCorrection.Change::field).containsExactly("name_kanji", "name_kana");
        List<MemberCorrection> history = as("clerk", Role.CLERK, () -> corrections.history(m));
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.reason()).isEqualTo("氏名変更届 2026-12-01");
            assertThat(h.correctedBy()).isEqualTo("clerk");
            assertThat(h.changes())
                    .containsExactly(
                            new MemberCorrection.Change("name_kanji", "試験 太郎", "別姓 太郎"),
                            new MemberCorrection.Change("name_kana", "シケン タロウ", "ベッセイ タロウ"));
        });
    }

    @Test
    void aCorrectionIsAuditedNamingTheFieldsNotTheirValues() {
        MemberKey m = TestMembers.register(memberImport);

        MemberCorrection c = asClerk(
                m,
                new IdentityCorrection(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("2"),
                        Optional.of("1981-04-01"),
                        "registered from a misread form"));

        List<AuditEntry> corrected = as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.of(m.toString()),
                                Optional.empty(),
                                Optional.of(AuditAction.MEMBER_CORRECTED),
                                Optional.empty(),
                                Optional.empty(),
                                0,
                                10)))
                .entries();
        assertThat(corrected).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("clerk");
            assertThat(e.members()).containsExactly(m.toString());
            assertThat(e.detail())
                    .contains("correction #" + c.id())
                    .contains("sex, birth_date")
                    .doesNotContain("1981")
                    .doesNotContain("1980")
                    .doesNotContain("misread");
        });
    }

    @Test
    void theMemberFileThenTellsTheCorrectedPersonAndNoLongerTheOld() {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(s, "1", "2020-04-01", "2023-04-01")));
        MemberKey m = new MemberKey(s, "1", "00");
        asClerk(m, name("別姓 太郎", null, "氏名変更届"));

        String rejoined = TestMembers.insured(s, "1", "2024-04-01", null);
        assertThatThrownBy(() -> TestMembers.importRows(memberImport, List.of(rejoined)))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("column name_kanji");
        assertThat(TestMembers.importRows(memberImport, List.of(rejoined.replace("試験 太郎", "別姓 太郎")))
                        .periodsAdded())
                .isEqualTo(1);
    }

    @Test
    void eachFieldMeetsTheRulesOfTheMemberFileAndARefusalNamesItWithoutItsValue() {
        MemberKey m = TestMembers.register(memberImport);
        String number = TestNumbers.next();
        record Bad(IdentityCorrection correction, String field, String value) {}
        var none = Optional.<String>empty();
        List<Bad> bad = List.of(
                new Bad(
                        new IdentityCorrection(Optional.of("06139910"), none, none, none, none, "form"),
                        "insurerNumber",
                        "06139910"),
                new Bad(name("改行\u0007入り", null, "form"), "nameKanji", "改行"),
                new Bad(name("番号 " + number, null, "form"), "nameKanji", number),
                new Bad(name(null, "ひらがな", "form"), "nameKana", "ひらがな"),
                new Bad(name(null, "カ".repeat(101), "form"), "nameKana", "カカカ"),
                new Bad(new IdentityCorrection(none, none, none, Optional.of("3"), none, "form"), "sex", "3"),
                new Bad(
                        new IdentityCorrection(none, none, none, none, Optional.of("1980-02-30"), "form"),
                        "birthDate",
                        "02-30"),
                new Bad(
                        new IdentityCorrection(none, none, none, none, Optional.of("2099-01-01"), "form"),
                        "birthDate",
                        "2099"),
                new Bad(
                        new IdentityCorrection(none, none, none, none, Optional.of("2021-01-01"), "form"),
                        "birthDate",
                        "2021-01-01"),
                new Bad(name("別姓 太郎", null, " "), "reason", "別姓"),
                new Bad(name("別姓 太郎", null, "番号 " + number + " の届"), "reason", number));
        for (Bad b : bad) {
            assertThatThrownBy(() -> asClerk(m, b.correction()))
                    .as(b.field())
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.field()).isEqualTo(b.field());
                        assertThat(e.getMessage()).doesNotContain(b.value());
                    });
        }
        assertThatThrownBy(() -> asClerk(m, name("試験 太郎", "シケン タロウ", "form")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changes nothing");
        assertThat(as("clerk", Role.CLERK, () -> corrections.history(m)))
                .as("nothing was corrected")
                .isEmpty();
        assertThat(registry.require(m).nameKanji()).isEqualTo("試験 太郎");
        assertThatThrownBy(
                        () -> asClerk(new MemberKey(TestMembers.freshSymbol(), "1", "00"), name("別姓 太郎", null, "form")))
                .isInstanceOf(UnknownMemberException.class);
    }

    @Test
    void theHistoryOfCorrectionsCannotBeRewritten() {
        MemberKey m = TestMembers.register(memberImport);
        long id = asClerk(m, name("別姓 太郎", null, "氏名変更届")).id();

        assertThatThrownBy(() -> jdbc.update("update member_correction set old_name_kanji = 'x' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from member_correction where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(as("clerk", Role.CLERK, () -> corrections.history(m))).hasSize(1);
    }
}
