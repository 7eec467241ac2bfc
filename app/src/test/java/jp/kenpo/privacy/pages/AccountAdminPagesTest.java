package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accounts and tokens in a browser: the privacy officer creates an account and reads its one-time
 * password once, issues a system's token and revokes it, disables a clerk whose open session then
 * ends; a clerk is refused the pages. Every change is in the audit trail under the officer's name.
 */
class AccountAdminPagesTest extends BrowserTest {

    @Autowired
    AuditReview review;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theOfficerCreatesIssuesRevokesAndDisablesAndEachIsAudited() {
        String officer = unique("pg-acc-officer-");
        String newClerk = unique("pg-acc-new-");
        String system = unique("pg-acc-system-");
        var openClerk = accounts().person(api(), unique("pg-acc-clerk-"), Role.CLERK);
        var clerkSession = accounts().signedIn(api(), openClerk);
        assertThat(clerkSession.get("/console").status()).isEqualTo(200);

        signInAs(officer, Role.PRIVACY_OFFICER);
        follow("アカウントとAPIトークン");
        assertThat(find(By.id("accounts")).getText()).contains(officer, "個人情報保護管理者");
        assertAccessible();

        // refused: no role chosen, and what was typed stays
        fill("newName", newClerk);
        press("アカウントを作る");
        assertThat(find(By.cssSelector(".error-summary")).getText()).contains("役割を選んでください。");
        assertThat(find(By.id("newName")).getAttribute("value")).isEqualTo(newClerk);
        assertAccessible();
        new Select(find(By.id("newRole"))).selectByValue("CLERK");
        press("アカウントを作る");
        String oneTime = find(By.id("one-time-password")).getText();
        assertThat(oneTime).isNotBlank();
        assertAccessible();
        assertThat(api().anonymous().signIn(newClerk, oneTime, null).status()).isEqualTo(200);

        follow("アカウントの一覧に戻る");
        fill("newName", system);
        new Select(find(By.id("newRole"))).selectByValue("SYSTEM");
        press("アカウントを作る");
        assertThat(pageText()).contains("他システムのアカウントにはパスワードがありません");
        follow(system);
        fill("label", "給付システム");
        fill("days", "３０");
        press("APIトークンを発行する");
        String token = find(By.id("api-token")).getText();
        assertThat(api().withToken(token).get("/api/v1/catalog").status()).isEqualTo(200);
        assertAccessible();
        follow(system);
        assertThat(find(By.id("tokens")).getText()).contains("給付システム", "有効");
        assertAccessible();
        press("失効させる");
        assertThat(find(By.id("done")).getText()).startsWith("APIトークンを失効させました");
        assertThat(api().withToken(token).get("/api/v1/catalog").status()).isEqualTo(401);

        open("/console/accounts/" + openClerk.name);
        press("このアカウントを無効にする（セッションも終了）");
        assertThat(find(By.id("done")).getText()).startsWith("アカウントを無効にしました");
        assertThat(find(By.id("state")).getText()).startsWith("無効");
        assertAccessible();
        var ended = clerkSession.get("/console");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/sign-in");

        assertThat(TestAccounts.trailOf(review, officer))
                .extracting(AuditEntry::action)
                .contains(
                        AuditAction.ACCOUNT_CREATED,
                        AuditAction.TOKEN_ISSUED,
                        AuditAction.TOKEN_REVOKED,
                        AuditAction.ACCOUNT_DISABLED);
    }

    @Test
    void theOfficerCannotDisableTheirOwnAccount() {
        String officer = unique("pg-acc-self-");
        signInAs(officer, Role.PRIVACY_OFFICER);
        open("/console/accounts/" + officer);
        press("このアカウントを無効にする（セッションも終了）");
        assertThat(find(By.cssSelector(".error-summary")).getText()).contains("自分のアカウントは無効にできません");
        assertThat(find(By.id("state")).getText()).startsWith("有効");
        assertAccessible();
    }

    @Test
    void aClerkIsRefusedTheAccountPages() {
        String clerk = unique("pg-acc-clerk-");
        signInAs(clerk, Role.CLERK);
        assertThat(pageText()).doesNotContain("アカウントとAPIトークン");
        open("/console/accounts");
        assertThat(heading()).isEqualTo("この操作はできません");
        assertThat(TestAccounts.trailOf(review, clerk))
                .filteredOn(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .extracting(AuditEntry::detail)
                .contains("GET /console/accounts: not allowed for this account");
    }
}
