package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The staff console in a browser: finding a member, filing a paper form, the decision it leads to. */
class ConsolePagesTest extends BrowserTest {

    @Autowired
    AuditReview review;

    private static String hiragana(String katakana) {
        var out = new StringBuilder();
        katakana.codePoints().forEach(c -> out.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
        return out.toString();
    }

    @Test
    void aClerkFilesAPaperReservationForADependentAndTheDecisionThenDenies() {
        var family = household();
        signInAs("pg-clerk-" + UUID.randomUUID().toString().substring(0, 8), Role.CLERK);
        assertThat(path()).isEqualTo("/console");

        // found by the kana typed in hiragana and the birth date in the Japanese era (2012-06-15)
        fill("kana", hiragana(family.kana()));
        fill("born", "H24.6.15");
        submitFormOf("kana");
        assertThat(find(By.tagName("caption")).getText()).startsWith("1件");
        assertAccessible();
        follow(family.dependent().toString());

        assertThat(path()).isEqualTo("/console/members/" + family.dependent());
        assertThat(pageText()).contains(family.insured().toString(), "被扶養者（家族）", "2012年6月15日（平成24年）");
        assertThat(stateOf("3.1")).isEqualTo("黙示の同意（申出なし）");
        assertAccessible();

        follow("申出書を登録する");
        press("内容を確認する");
        assertThat(find(By.cssSelector(".error-summary")).getText()).contains("申出の内容を選んでください", "対象の利用目的を一つ以上選んでください");
        assertAccessible();
        find(By.id("action-RESERVE")).click();
        find(By.id("p3.1")).click();
        find(By.id("filedBy-INSURED_PERSON")).click();
        fill("note", "申出書 郵送");
        press("内容を確認する");

        assertThat(heading()).isEqualTo("申出の内容を確認してください");
        assertThat(find(By.id("confirm-targets")).getText()).startsWith("3.1 ");
        assertAccessible();
        press("記録する");

        assertThat(heading()).isEqualTo("申出を記録しました");
        String hash = find(By.cssSelector("#recorded .hash")).getText();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertAccessible();
        follow("加入者のページに戻る");

        assertThat(stateOf("3.1")).isEqualTo("留保中（明確な同意なし）");
        assertThat(pageText()).contains(hash, "被保険者（家族について）", "書面");
        new Select(find(By.id("purpose"))).selectByValue("3.1");
        submitFormOf("purpose");
        assertThat(find(By.id("outcome")).getText()).isEqualTo("利用できません");
        assertThat(find(By.id("summary")).getText()).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertAccessible();
    }

    @Test
    void anotherMembersPageIsRefusedToAMemberAndTheRefusalAudited() {
        var mine = household();
        var theirs = household();
        String name = "pg-member-" + UUID.randomUUID().toString().substring(0, 8);
        signInAsMember(name, mine.insured());

        open("/console/members/" + theirs.insured());
        assertThat(heading()).isEqualTo("この操作はできません");
        assertThat(pageText()).doesNotContain(theirs.kana());
        assertAccessible();
        assertThat(TestAccounts.trailOf(review, name)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ACCESS_REFUSED);
            assertThat(e.members()).contains(theirs.insured().toString());
        });
    }

    private String stateOf(String code) {
        return find(By.xpath("//tr[td[1][normalize-space()='" + code + "']]/td[3]"))
                .getText();
    }
}
