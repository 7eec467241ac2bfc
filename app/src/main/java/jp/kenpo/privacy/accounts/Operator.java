package jp.kenpo.privacy.accounts;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The operator: the operating-system account running a {@code ./kenpo} command on the server.
 * Whoever can run commands there can reach the database and the key files anyway, so the
 * command line signs in no account; it acts, and is audited, as the operator (cli:USER).
 * It holds no role: what a role may do over the API, the operator does only through commands.
 */
public final class Operator {

    public static final String AUTHORITY = "OPERATOR";

    private Operator() {}

    public static Authentication authentication(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    public static boolean is(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }
}
