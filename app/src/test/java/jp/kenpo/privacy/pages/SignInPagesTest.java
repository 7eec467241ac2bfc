package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** First start as pages: one-time password, own password, authenticator from a QR code, signed in. */
class SignInPagesTest extends BrowserTest {

    @Test
    void firstStartLeadsToASignedInOfficer() {
        String name = "pg-first-" + UUID.randomUUID().toString().substring(0, 8);
        String oneTime = oneTimePasswordOfNew(name, Role.PRIVACY_OFFICER, Optional.empty());

        open("/console");
        assertThat(path())
                .as("a page that needs an account sends to the sign-in page")
                .isEqualTo("/sign-in");
        assertThat(heading()).isEqualTo("サインイン");
        assertAccessible();

        signIn(name, oneTime, null);
        assertThat(path()).isEqualTo("/account/password");
        assertAccessible();
        String password = "pg-" + UUID.randomUUID();
        fill("currentPassword", oneTime);
        fill("newPassword", password);
        fill("confirmPassword", password + "x");
        submitFormOf("currentPassword");
        assertThat(find(By.cssSelector(".error-summary")).getText()).contains("一致しません");
        assertAccessible();
        fill("currentPassword", oneTime);
        fill("newPassword", password);
        fill("confirmPassword", password);
        submitFormOf("currentPassword");
        assertThat(path()).isEqualTo("/sign-in?passwordChanged");

        signIn(name, password, null);
        assertThat(path()).isEqualTo("/account/second-factor");
        press("登録を始める");
        assertThat(find(By.cssSelector(".qr svg path")).getAttribute("d")).startsWith("M");
        assertAccessible();
        String secret = find(By.id("secret")).getText().replace(" ", "");
        long step = stepNow();
        fill("code", code(secret, step));
        submitFormOf("code");
        assertThat(path()).isEqualTo("/sign-in?enrolled");

        signIn(name, password, code(secret, step + 1));
        assertThat(path()).isEqualTo("/console");
        assertThat(heading()).isEqualTo("職員メニュー");
        assertThat(find(By.cssSelector(".who")).getText()).isEqualTo(name);
        assertAccessible();

        follow("English");
        assertThat(heading()).isEqualTo("Staff console");
        assertAccessible();
        press("Sign out");
        assertThat(path()).isEqualTo("/sign-in?signedOut");
        assertThat(heading()).isEqualTo("Sign in");
    }
}
