package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kenpo.privacy.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/** The pages' filter chain over plain HTTP: what is open, what it answers, and that the API keeps its own answers. */
class PageSecurityTest extends DatabaseTest {

    @Test
    void pagesAllowNoInlineScriptOrStyle() {
        var page = api().anonymous().get("/sign-in");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "style-src 'self'", "form-action 'self'");
        assertThat(policy).doesNotContain("unsafe-inline", "script-src");
        assertThat(page.body()).doesNotContain("<script", "style=");
        assertThat(page.body()).as("the form carries its CSRF token").contains("name=\"_csrf\"");
    }

    @Test
    void aPageThatNeedsAnAccountSendsToTheSignInPage() {
        for (String path : new String[] {"/console", "/console/members", "/portal", "/account/password"}) {
            var r = api().anonymous().get(path);
            assertThat(r.status()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/sign-in");
        }
        var root = api().anonymous().get("/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    }

    @Test
    void theApiStillAnswersJson401WithoutASession() {
        var r = api().anonymous().get("/api/v1/members");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void signingInOnThePageNeedsTheFormsCsrfToken() {
        var s = api().anonymous();
        s.get("/sign-in");
        var r = s.postWithoutCsrf("/sign-in", "application/x-www-form-urlencoded", "username=officer&password=x");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void theStyleSheetIsOpen() {
        var css = api().anonymous().get("/assets/kenpo.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }
}
