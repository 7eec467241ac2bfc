package jp.kenpo.privacy.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The session as its holder sees it: who is signed in, what setup remains, and the CSRF token a
 * client sends (header {@code csrf.headerName}) with every request that changes something.
 */
public record SessionView(
        boolean signedIn,
        Optional<String> name,
        Optional<Role> role,
        Optional<String> member,
        Set<SetupStep> setupRequired,
        Optional<Csrf> csrf) {

    public record Csrf(String headerName, String parameterName, String token) {}

    public static SessionView of(Authentication auth, HttpServletRequest request) {
        Optional<Csrf> csrf = Optional.ofNullable((CsrfToken) request.getAttribute(CsrfToken.class.getName()))
                .map(t -> new Csrf(t.getHeaderName(), t.getParameterName(), t.getToken()));
        if (auth != null && auth.getPrincipal() instanceof SignedIn who) {
            return new SessionView(
                    true,
                    Optional.of(who.name()),
                    Optional.of(who.role()),
                    who.member().map(Object::toString),
                    who.setup(),
                    csrf);
        }
        return new SessionView(false, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), csrf);
    }
}
