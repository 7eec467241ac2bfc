package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The audit trail's page: an auditor finds their own sign-in and checks the chains. */
class AuditPagesTest extends BrowserTest {

    @Test
    void anAuditorSearchesTheTrailAndChecksItsChains() {
        String name = "pg-auditor-" + UUID.randomUUID().toString().substring(0, 8);
        signInAs(name, Role.AUDITOR);
        follow("監査ログをさがす・確かめる");
        assertAccessible();

        fill("actor", name);
        new Select(find(By.id("action"))).selectByValue("SIGN_IN");
        submitFormOf("actor");
        assertThat(find(By.cssSelector("#entries tbody")).getText()).contains(name, "SIGN_IN", "SUCCESS");
        assertAccessible();

        press("ハッシュの連なりを確かめる");
        assertThat(find(By.id("verification")).getText()).startsWith("改ざんは見つかりませんでした");
        assertAccessible();
    }

    @Test
    void aClerkMayNotReadTheTrail() {
        signInAs("pg-clerk-" + UUID.randomUUID().toString().substring(0, 8), Role.CLERK);
        assertThat(pageText()).doesNotContain("監査ログをさがす・確かめる");
        open("/console/audit");
        assertThat(heading()).isEqualTo("この操作はできません");
    }
}
