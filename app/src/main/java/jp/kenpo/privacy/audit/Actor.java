package jp.kenpo.privacy.audit;

import java.util.Objects;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did it and from where.
 *
 * @param name   the account name, or {@code cli:USER} for the operating-system account running a command;
 *               at sign-in, the name that was tried, with an individual number typed into it masked
 * @param role   the account's role, {@code OPERATOR} for the command line, {@code NONE} before sign-in
 * @param source the client's address, or {@code local} for a command run on the server
 */
public record Actor(String name, String role, String source) {

    public static final String NOBODY = "(nobody signed in)";

    public Actor {
        name = NumberMask.mask(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The actor of the current thread: the signed-in account (set by the web layer for a request,
     * by the command line for a command) and the address the request came from.
     */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String source = currentSource();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new Actor(NOBODY, "NONE", source);
        }
        return new Actor(auth.getName(), role(auth), source);
    }

    /** ROLE_CLERK is the role CLERK; other authorities (OPERATOR, ACCOUNT_SETUP) are named as they are. */
    private static String role(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .findFirst()
                .orElse("NONE");
    }

    private static String currentSource() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return "local";
    }
}
