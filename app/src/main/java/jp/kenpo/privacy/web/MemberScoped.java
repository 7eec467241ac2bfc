package jp.kenpo.privacy.web;

import java.util.Set;
import java.util.function.Supplier;
import jp.kenpo.privacy.accounts.MemberAccess;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * An endpoint about one member ({@code {key}} in its path): open to the staff roles named, and to
 * a signed-in member acting for that member (themselves, or a dependent of theirs).
 */
final class MemberScoped implements AuthorizationManager<RequestAuthorizationContext> {

    private final MemberAccess access;
    private final Set<String> staffAuthorities;

    MemberScoped(MemberAccess access, Role... staff) {
        this.access = access;
        this.staffAuthorities =
                java.util.Arrays.stream(staff).map(Role::authority).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        if (auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(staffAuthorities::contains)) {
            return new AuthorizationDecision(true);
        }
        if (auth.getPrincipal() instanceof SignedIn who && who.role() == Role.MEMBER) {
            try {
                return new AuthorizationDecision(access.mayActFor(
                        who, MemberKey.parse(context.getVariables().get("key"))));
            } catch (IllegalArgumentException notAKey) {
                return new AuthorizationDecision(false);
            }
        }
        return new AuthorizationDecision(false);
    }
}
