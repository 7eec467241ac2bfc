package jp.kenpo.privacy.accounts;

import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import org.springframework.stereotype.Service;

/**
 * Whose data a member may see and act on: their own, and an insured person also that of their
 * dependents (被扶養者) — the household the society's notice addresses. APPI Art. 33 gives the
 * person a right to their own data, not to anyone else's.
 */
@Service
public class MemberAccess {

    private final MemberRegistry members;

    public MemberAccess(MemberRegistry members) {
        this.members = members;
    }

    public boolean mayActFor(SignedIn who, MemberKey key) {
        if (who.role() != Role.MEMBER || who.member().isEmpty() || !who.setup().isEmpty()) {
            return false;
        }
        MemberKey own = who.member().get();
        return own.equals(key)
                || members.find(key)
                        .flatMap(m -> m.insured())
                        .filter(own::equals)
                        .isPresent();
    }
}
