package jp.kenpo.privacy.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed proofs of who holds an account count towards its lock-out (OWASP ASVS 2.2.1; NIST SP
 * 800-63B 5.2.2): a wrong password or code at sign-in, and as much a wrong current password or a
 * wrong code on a change of the account's own password or second factor — else a stolen session
 * could guess the password without limit. {@code lockoutAttempts} failures in a row lock the
 * account for {@code lockoutDuration}; a success at sign-in sets the count back.
 */
@Component
class LockOut {

    private final JdbcTemplate jdbc;
    private final SecurityPolicy policy;

    LockOut(JdbcTemplate jdbc, SecurityPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Whether the account is locked at this instant. */
    static boolean locked(AccountRows.AccountRow row, Instant now) {
        return row.lockedUntil().filter(now::isBefore).isPresent();
    }

    /**
     * Counts one more failure of the account (whose row the caller holds locked) and locks it when
     * that makes enough in a row; {@code endSessions} also ends every session it has open, for a
     * failure made in one of them. Returns what the trail says of the count.
     */
    String countFailure(AccountRows.AccountRow row, Instant now, boolean endSessions) {
        int failures = row.failedSignIns() + 1;
        if (failures >= policy.lockoutAttempts()) {
            Instant until = now.plus(policy.lockoutDuration());
            jdbc.update(
                    "update account set failed_sign_ins = 0, locked_until = ?"
                            + (endSessions ? ", credential_version = credential_version + 1" : "") + " where id = ?",
                    OffsetDateTime.ofInstant(until, ZoneOffset.UTC),
                    row.id());
            return failures + " failures in a row: locked until " + until;
        }
        jdbc.update("update account set failed_sign_ins = ? where id = ?", failures, row.id());
        return failures + (failures == 1 ? " failure" : " failures") + " in a row";
    }
}
