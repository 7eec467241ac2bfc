package jp.kenpo.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import jp.kenpo.privacy.testing.DatabaseTest;

/**
 * Behind a TLS-terminating proxy, configured as the README says (KENPO_FORWARD_HEADERS=native,
 * KENPO_BEHIND_TLS=true): HSTS on the requests the proxy says came over TLS and on no others, and
 * a session cookie that never travels in clear. A server of its own, on the shared database;
 * {@code SignInTest} checks that without this configuration a client claiming TLS gets no HSTS.
 */
@TestPropertySource(properties = {"KENPO_FORWARD_HEADERS=native", "KENPO_BEHIND_TLS=true"})
class BehindTlsTest extends DatabaseTest {

    @Test
    void hstsOnRequestsThatCameOverTlsAndASecureCookie() {
        var overTls = api().anonymous().get("/api/v1/session", "X-Forwarded-Proto", "https");
        assertThat(overTls.status()).isEqualTo(200);
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(h -> assertThat(h)
                .contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(overTls.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("KENPO_SESSION=")
                .contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));

        var plain = api().anonymous().get("/api/v1/session");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("a request that came in clear").isEmpty();
    }
}
