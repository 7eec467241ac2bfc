package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pages' filter chain over plain HTTP: what is open, what it answers, and that the API keeps its own answers. */
class PageSecurityTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

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
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/refused");
    }

    @Test
    void theStyleSheetIsOpen() {
        var css = api().anonymous().get("/assets/kenpo.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }

    @Test
    void aStaffPageIsRefusedToAMemberWithAPageSayingSo() {
        var key = TestMembers.register(memberImport);
        var person = accounts()
                .member(
                        api(),
                        "pg-sec-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        key);
        var session = accounts().signedIn(api(), person);
        var r = session.get("/console");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/refused");
        var page = session.get("/refused");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("この操作はできません");
    }
}
