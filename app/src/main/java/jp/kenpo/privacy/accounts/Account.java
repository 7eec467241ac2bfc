package jp.kenpo.privacy.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.members.MemberKey;

/**
 * An account as officers see it: never its password hash, second-factor secret or tokens'
 * values, which stay in the database.
 *
 * @param member       for a MEMBER account, the member whose data it may see
 * @param secondFactor whether a TOTP authenticator is enrolled
 * @param lockedUntil  while set and in the future, sign-in is refused
 */
public record Account(
        String name,
        Role role,
        Optional<MemberKey> member,
        boolean enabled,
        boolean passwordChangeRequired,
        boolean secondFactor,
        Optional<Instant> lockedUntil,
        Instant createdAt,
        String createdBy,
        List<ApiToken> tokens) {

    public Account {
        tokens = List.copyOf(tokens);
    }

    /** An API token as listed: never its value, which is shown once when issued. */
    public record ApiToken(long id, String label, Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {}
}
