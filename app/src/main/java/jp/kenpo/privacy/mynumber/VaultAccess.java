package jp.kenpo.privacy.mynumber;

import java.util.HashSet;
import java.util.Set;
import jp.kenpo.privacy.accounts.Operator;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may handle individual numbers, checked by the vault itself (reads and imports alike) as well
 * as by the web layer, so that no caller reaches a number around it; every refusal is audited.
 */
@Component
class VaultAccess {

    private final AuditTrail audit;
    private final VaultProperties properties;

    VaultAccess(AuditTrail audit, VaultProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * Refuses (audited) a caller whose role is not among the handlers of individual numbers
     * (事務取扱担当者, {@code kenpo.mynumber.reader-roles}): only they read or store numbers, which
     * the safety measures of 番号法第12条 ask for (the PPC guideline: the handlers and their scope
     * are set apart).
     */
    void requireHandler(AuditEvent attempt) {
        Set<Role> roles = callerRoles();
        if (roles.stream().noneMatch(properties.readerRoles()::contains)) {
            refuse(
                    attempt,
                    "the role " + (roles.isEmpty() ? "of this caller" : roles.toString())
                            + " is not among those who handle individual numbers (kenpo.mynumber.reader-roles)");
        }
    }

    /** Refuses (audited) a caller who may not see even the masked number; the operator may. */
    void requireMaskedViewer(AuditEvent attempt) {
        Set<Role> roles = callerRoles();
        if (!isOperator() && roles.stream().noneMatch(properties.maskedViewRoles()::contains)) {
            refuse(attempt, "the role " + roles + " may not view individual numbers, even masked");
        }
    }

    /** Audits the refusal, in a transaction of its own, and refuses. */
    void refuse(AuditEvent attempt, String why) {
        recordRefusal(attempt, why);
        throw new MyNumberRefusedException(why);
    }

    /** Audits a refusal in a transaction of its own: the refused action's is rolled back. */
    void recordRefusal(AuditEvent attempt, String why) {
        audit.recordRefusal(new AuditEvent(
                attempt.action(),
                AuditOutcome.REFUSED,
                attempt.members(),
                attempt.purpose(),
                "refused: " + why,
                attempt.actor()));
    }

    /** The command line's operator, who runs on the server and reaches the database and key file anyway. */
    static boolean isOperator() {
        return Operator.is(SecurityContextHolder.getContext().getAuthentication());
    }

    private static Set<Role> callerRoles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        var roles = new HashSet<Role>();
        if (auth != null) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                for (Role r : Role.values()) {
                    if (r.authority().equals(a.getAuthority())) {
                        roles.add(r);
                    }
                }
            }
        }
        return roles;
    }
}
