package jp.kenpo.privacy.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is signed in: the account, its role and, for a member, whose data is theirs. While setup
 * steps remain, the session holds no role at all, only {@link #SETUP_AUTHORITY}: it can change
 * the password and enrol a second factor, nothing else.
 *
 * @param credentialVersion the account's credential version at sign-in: a session is ended once the
 *                          account's has moved on ({@link SignInService#sessionStillValid})
 */
public record SignedIn(
        String name,
        Role role,
        Optional<jp.kenpo.privacy.members.MemberKey> member,
        Set<SetupStep> setup,
        long credentialVersion)
        implements AuthenticatedPrincipal {

    public static final String SETUP_AUTHORITY = "ACCOUNT_SETUP";

    public SignedIn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(member, "member");
        setup = Set.copyOf(setup);
    }

    /** Signed in for one request or one piece of work, not a session: there is no version to compare. */
    public SignedIn(String name, Role role, Optional<jp.kenpo.privacy.members.MemberKey> member, Set<SetupStep> setup) {
        this(name, role, member, setup, 0);
    }

    @Override
    public String getName() {
        return name;
    }

    public Collection<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(setup.isEmpty() ? role.authority() : SETUP_AUTHORITY));
    }
}
