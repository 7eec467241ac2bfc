package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The member portal on a phone's screen, and the public notice with its printable form. */
class PortalPagesTest extends BrowserTest {

    @Test
    void aMemberReservesFromAPhoneAndSeesItInTheHistory() {
        var family = household();
        phoneSized();
        signInAsMember("pg-phone-" + UUID.randomUUID().toString().substring(0, 8), family.insured());
        assertThat(path()).isEqualTo("/portal");
        assertThat(heading()).isEqualTo("わたしの選択");
        assertFitsTheScreen();
        assertAccessible();

        follow("試験 太郎さんの選択");
        assertThat(path()).isEqualTo("/portal/members/" + family.insured());
        var purpose = find(By.id("purpose-3.1"));
        assertThat(purpose.getText()).contains("黙示の同意（申出なし）");
        assertFitsTheScreen();
        assertAccessible();
        click(purpose.findElement(By.xpath(".//button[normalize-space()='留保する']")));

        assertThat(heading()).isEqualTo("変更の確認");
        assertThat(find(By.id("after")).getText()).isEqualTo("留保中（明確な同意なし）");
        assertThat(find(By.id("effect")).getText()).contains("明確な同意がない限り");
        assertFitsTheScreen();
        assertAccessible();
        press("留保を申し出る");

        assertThat(path()).isEqualTo("/portal/members/" + family.insured() + "/history?recorded");
        assertThat(find(By.cssSelector("#history li")).getText()).contains("留保", "3.1", "オンライン", "本人");
        assertFitsTheScreen();
        assertAccessible();

        open("/portal/members/" + family.insured());
        assertThat(find(By.id("purpose-3.1")).getText()).contains("留保中（明確な同意なし）");
    }

    @Test
    void anInsuredPersonActsForTheirDependentButNotForAnotherHousehold() {
        var family = household();
        var other = household();
        signInAsMember("pg-family-" + UUID.randomUUID().toString().substring(0, 8), family.insured());
        open("/portal/members/" + family.dependent());
        assertThat(heading()).isEqualTo("利用目的ごとの選択");
        open("/portal/members/" + other.dependent());
        assertThat(heading()).isEqualTo("この操作はできません");
    }

    @Test
    void theNoticeAndItsPrintableFormNeedNoSignIn() {
        open("/notice");
        assertThat(pageText()).contains("コラボヘルスの一環である健診結果の事業者への提供");
        assertAccessible();
        follow("郵送で申し出るための申出書（印刷用）");
        assertThat(heading()).isEqualTo("個人情報の利用目的に関する申出書");
        assertThat(pageText()).contains("区分3のすべて", "署名", "記号・番号・枝番");
        assertAccessible();
        phoneSized();
        open("/notice?lang=en");
        assertFitsTheScreen();
        assertAccessible();
    }

    /** No sideways scrolling: the page is no wider than the window. */
    private void assertFitsTheScreen() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue())
                .as("sideways overflow on " + path())
                .isLessThanOrEqualTo(0);
    }
}
