package jp.kenpo.privacy.web;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS-terminating proxy, configured as the README says (KENPO_FORWARD_HEADERS=native,
 * KENPO_BEHIND_TLS=true): HSTS on the requests the proxy says came over TLS and on no others, and
 * a session cookie that never travels in clear, and the trail names the client's address, not the
 * proxy's. A server of its own, on the shared database;
 * {@code SignInTest} checks that without this configuration a client claiming TLS gets no HSTS.
 */
@TestPropertySource(properties = {"KENPO_FORWARD_HEADERS=native", "KENPO_BEHIND_TLS=true"})
class BehindTlsTest extends DatabaseTest {

    @Autowired
    AuditReview review;

    @Test
    void hstsOnRequestsThatCameOverTlsAndASecureCookie() {
        var overTls = api().anonymous().get("/api/v1/session", "X-Forwarded-Proto", "https");
        assertThat(overTls.status()).isEqualTo(200);
        assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(
                        h -> assertThat(h).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(overTls.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("KENPO_SESSION=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Strict"));

        var plain = api().anonymous().get("/api/v1/session");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Strict-Transport-Security"))
                .as("a request that came in clear")
                .isEmpty();
    }

    @Test
    void theTrailNamesTheClientTheProxyForwardsFor() {
        Instant from = Instant.now();
        assertThat(api().anonymous()
                        .get("/api/v1/accounts", "X-Forwarded-For", "203.0.113.7")
                        .status())
                .isEqualTo(401);
        var refused = as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(AuditAction.ACCESS_REFUSED),
                                Optional.of(from),
                                Optional.empty(),
                                0,
                                100)))
                .entries();
        assertThat(refused)
                .filteredOn(e -> e.detail().equals("GET /api/v1/accounts: sign-in required"))
                .singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("203.0.113.7"));
    }
}
