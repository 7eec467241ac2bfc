package jp.kenpo.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A session ends a fixed time after sign-in, however active it has been (OWASP ASVS 3.3.2). */
class SessionLifetimeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-25T00:00:00Z");

    private static MockHttpSession after(Duration elapsed) throws Exception {
        var request = new MockHttpServletRequest();
        var session = (MockHttpSession) request.getSession();
        session.setAttribute(SecurityHandlers.SIGNED_IN_AT, SIGNED_IN);
        var filter = new SecurityHandlers.SessionLifetime(Duration.ofHours(12),
                Clock.fixed(SIGNED_IN.plus(elapsed), ZoneOffset.UTC));
        filter.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> {
        });
        return session;
    }

    @Test
    void endsAfterTwelveHoursAndNotBefore() throws Exception {
        assertThat(after(Duration.ofHours(12)).isInvalid()).isFalse();
        assertThat(after(Duration.ofHours(12).plusSeconds(1)).isInvalid()).isTrue();
    }
}
