package jp.kenpo.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** A session ends a fixed time after sign-in, however active it has been and however it came to be (OWASP ASVS 3.3.2). */
class SessionLifetimeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-25T00:00:00Z");

    private static MockHttpSession after(Duration elapsed) throws Exception {
        var request = new MockHttpServletRequest();
        var session = (MockHttpSession) request.getSession();
        session.setAttribute(SecurityHandlers.SIGNED_IN_AT, SIGNED_IN);
        var filter = new SecurityHandlers.SessionLifetime(
                Duration.ofHours(12), Clock.fixed(SIGNED_IN.plus(elapsed), ZoneOffset.UTC));
        filter.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> {});
        return session;
    }

    @Test
    void endsAfterTwelveHoursAndNotBefore() throws Exception {
        assertThat(after(Duration.ofHours(12)).isInvalid()).isFalse();
        assertThat(after(Duration.ofHours(12).plusSeconds(1)).isInvalid()).isTrue();
    }

    /** A session that nobody signed in to counts from its creation. */
    private static MockHttpSession unsignedAfter(Duration elapsed, boolean holdsAnAccount) throws Exception {
        var request = new MockHttpServletRequest();
        var session = (MockHttpSession) request.getSession();
        if (holdsAnAccount) {
            var context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    "benefits", null, List.of(new SimpleGrantedAuthority("ROLE_SYSTEM"))));
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
        var filter = new SecurityHandlers.SessionLifetime(
                Duration.ofHours(12),
                Clock.fixed(Instant.ofEpochMilli(session.getCreationTime()).plus(elapsed), ZoneOffset.UTC));
        filter.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> {});
        return session;
    }

    @Test
    void theCapHoldsForEverySessionHoweverItWasCreated() throws Exception {
        assertThat(unsignedAfter(Duration.ofHours(12), false).isInvalid()).isFalse();
        assertThat(unsignedAfter(Duration.ofHours(12).plusSeconds(1), false).isInvalid())
                .isTrue();
        assertThat(unsignedAfter(Duration.ofMinutes(1), true).isInvalid())
                .as("signed in without a sign-in (as a token request's session was): ended at once")
                .isTrue();
    }
}
