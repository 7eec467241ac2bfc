package jp.kenpo.privacy.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in: with a password and, where the policy asks, a TOTP code; or, for other systems,
 * with an API token. Every sign-in and every failure is audited; failures count towards the
 * account's lock-out and the address's throttle. A failed sign-in returns its refusal instead of
 * throwing, so that the failure count and its audit entry commit.
 */
@Service
public class SignInService {

    /** The answer to a sign-in. */
    public sealed interface Result {}

    public record Success(SignedIn signedIn) implements Result {}

    /**
     * Refused; the caller says no more than "sign-in failed", whatever the reason, but for two:
     * too many attempts from the address, and a right password with a code that was right but
     * used already — its holder knows both factors, and is told to wait for the next code.
     */
    public record Refused(boolean throttled, boolean codeUsedAlready) implements Result {
        public Refused(boolean throttled) {
            this(throttled, false);
        }
    }

    private final JdbcTemplate jdbc;
    private final AccountRows rows;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final SecurityPolicy policy;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final LockOut lockOut;
    private volatile String dummyHash;

    SignInService(
            JdbcTemplate jdbc,
            AccountRows rows,
            PasswordEncoder encoder,
            AuditTrail audit,
            SecurityPolicy policy,
            Clock clock,
            LockOut lockOut) {
        this.jdbc = jdbc;
        this.lockOut = lockOut;
        this.rows = rows;
        this.encoder = encoder;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
        this.throttle = new SignInThrottle(policy.signInsPerMinute());
    }

    /** A sign-in with name, password and (for accounts with a second factor) the current TOTP code. */
    @Transactional
    public Result signIn(String name, String password, String code, String source) {
        Instant now = clock.instant();
        String claimed = printable(name);
        if (!throttle.allow(source, now)) {
            return refused(claimed, "NONE", source, "too many sign-in attempts from " + source + " this minute", true);
        }
        Optional<AccountRows.AccountRow> found = claimed.isEmpty() ? Optional.empty() : rows.lockIfExists(claimed);
        if (found.isEmpty()) {
            spendPasswordCheck(password);
            return refused(claimed, "NONE", source, "no such account", false);
        }
        AccountRows.AccountRow row = found.get();
        String role = row.role().name();
        if (!row.enabled()) {
            spendPasswordCheck(password);
            return refused(claimed, role, source, "the account is disabled", false);
        }
        if (LockOut.locked(row, now)) {
            spendPasswordCheck(password);
            return refused(
                    claimed,
                    role,
                    source,
                    "the account is locked until " + row.lockedUntil().get(),
                    false);
        }
        if (row.passwordHash() == null) {
            spendPasswordCheck(password);
            return failed(row, source, "a SYSTEM account signs in with API tokens only", now);
        }
        if (!PasswordPolicy.fitsBcrypt(password) || !encoder.matches(password, row.passwordHash())) {
            return failed(row, source, "wrong password", now);
        }
        if (row.passwordChangeRequired() && row.oneTimePasswordUsed()) {
            // NIST SP 800-63B 5.1.1.2: a one-time password is good for one sign-in; its setup session is the only one
            return failed(
                    row, source, "the one-time password was used before; an officer's reset gives a new one", now);
        }
        var setup = EnumSet.noneOf(SetupStep.class);
        String factors = "password";
        if (row.totpSecret() != null) {
            OptionalLong step = Totp.verify(Base32.decode(row.totpSecret()), code, now, row.totpLastStep());
            if (step.isEmpty()) {
                // a code is good once (RFC 6238 §5.2), also the one that confirmed the enrolment
                if (Totp.usedAlready(Base32.decode(row.totpSecret()), code, now, row.totpLastStep())) {
                    failed(row, source, "second factor code used already", now);
                    return new Refused(false, true);
                }
                return failed(
                        row,
                        source,
                        code == null || code.isBlank() ? "second factor code missing" : "wrong second factor code",
                        now);
            }
            jdbc.update("update account set totp_last_step = ? where id = ?", step.getAsLong(), row.id());
            factors = "password and second factor";
        } else if (policy.secondFactorRequired(row.role())) {
            setup.add(SetupStep.ENROL_SECOND_FACTOR);
        }
        if (row.passwordChangeRequired()) {
            setup.add(SetupStep.CHANGE_PASSWORD);
            jdbc.update("update account set one_time_password_used = true where id = ?", row.id());
        }
        jdbc.update("update account set failed_sign_ins = 0, locked_until = null where id = ?", row.id());
        if (encoder.upgradeEncoding(row.passwordHash())) {
            jdbc.update("update account set password_hash = ? where id = ?", encoder.encode(password), row.id());
        }
        var signedIn = new SignedIn(row.name(), row.role(), row.member(), setup, row.credentialVersion());
        audit.record(event(
                        AuditAction.SIGN_IN,
                        row.member(),
                        "signed in with " + factors + (setup.isEmpty() ? "" : "; account setup required: " + setup),
                        AuditOutcome.SUCCESS)
                .by(new Actor(row.name(), setup.isEmpty() ? role : SignedIn.SETUP_AUTHORITY, source)));
        return new Success(signedIn);
    }

    /**
     * A request of another system, signed with an API token of a SYSTEM account. Only refused
     * tokens count towards the address's throttle: another system sends a valid token with every
     * request, often far more than 30 a minute, while 256 random bits leave nothing to guess. An
     * address that has used up its attempts is refused before any lookup, a valid token too, so
     * that guessing cannot go on behind the 429s.
     */
    @Transactional
    public Result authenticateToken(String token, String source) {
        Instant now = clock.instant();
        if (throttle.exhausted(source, now)) {
            return refused(
                    "(API token)", "NONE", source, "too many sign-in attempts from " + source + " this minute", true);
        }
        var found = jdbc.query(
                """
                select a.name, a.role, a.enabled, t.id, t.expires_at, t.revoked_at
                  from api_token t join account a on a.id = t.account_id where t.token_hash = ?""",
                (rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getLong(4),
                    rs.getObject(5, OffsetDateTime.class).toInstant(),
                    rs.getObject(6, OffsetDateTime.class)
                },
                Secrets.tokenHash(token == null ? "" : token));
        if (found.isEmpty()) {
            throttle.count(source, now);
            return refused("(API token)", "NONE", source, "unknown API token", false);
        }
        Object[] t = found.get(0);
        String name = (String) t[0];
        String why = !(Boolean) t[2]
                ? "the account is disabled"
                : t[5] != null
                        ? "API token #" + t[3] + " was revoked"
                        : !now.isBefore((Instant) t[4])
                                ? "API token #" + t[3] + " expired on " + t[4]
                                : !Role.SYSTEM.name().equals(t[1]) ? "API tokens are for SYSTEM accounts" : null;
        if (why != null) {
            throttle.count(source, now);
            return refused(name, (String) t[1], source, why, false);
        }
        return new Success(new SignedIn(name, Role.SYSTEM, Optional.empty(), java.util.Set.of()));
    }

    /** Signing out is recorded too. */
    @Transactional
    public void signedOut(SignedIn who) {
        audit.record(event(AuditAction.SIGN_OUT, who.member(), "signed out", AuditOutcome.SUCCESS)
                .by(actor(who)));
    }

    /**
     * Whether the session of {@code who} may go on: its account still exists and is enabled, with
     * the credential version it signed in with (a disable, reset, password or second-factor change
     * counts it up). Asked on every request of a session — one lookup by the unique name — so that
     * an officer's disable takes effect at once, not when the session times out. When not, the end
     * of the session is audited; the caller ends it.
     */
    public boolean sessionStillValid(SignedIn who) {
        var found = jdbc.query(
                "select enabled, credential_version from account where name = ?",
                (rs, n) -> rs.getBoolean(1) ? (Long) rs.getLong(2) : null,
                who.name());
        String why = found.isEmpty()
                ? "the account no longer exists"
                : found.get(0) == null
                        ? "the account was disabled"
                        : found.get(0) != who.credentialVersion()
                                ? "the account's password or second factor was changed or reset"
                                : null;
        if (why == null) {
            return true;
        }
        audit.record(event(AuditAction.SIGN_OUT, who.member(), "session ended: " + why, AuditOutcome.SUCCESS)
                .by(actor(who)));
        return false;
    }

    private static Actor actor(SignedIn who) {
        return new Actor(
                who.name(),
                who.setup().isEmpty() ? who.role().name() : SignedIn.SETUP_AUTHORITY,
                Actor.current().source());
    }

    /** A failed password or code: counts towards lock-out (OWASP ASVS 2.2.1). */
    private Result failed(AccountRows.AccountRow row, String source, String why, Instant now) {
        String count = lockOut.countFailure(row, now, false);
        String detail = count.contains("locked") ? why + "; " + count : why;
        return refused(row.name(), row.role().name(), source, detail, false);
    }

    private Result refused(String name, String role, String source, String why, boolean throttled) {
        audit.record(event(AuditAction.SIGN_IN, Optional.empty(), "sign-in refused: " + why, AuditOutcome.FAILED)
                .by(new Actor(name.isEmpty() ? "(no name given)" : name, role, source)));
        return new Refused(throttled);
    }

    private static AuditEvent event(
            AuditAction action, Optional<MemberKey> member, String detail, AuditOutcome outcome) {
        var e = AuditEvent.of(action, detail).outcome(outcome);
        return member.map(e::member).orElse(e);
    }

    /** Takes as long as a real password check, so that a refusal does not tell whether the account exists. */
    private void spendPasswordCheck(String password) {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode("no account has this password");
            dummyHash = hash;
        }
        encoder.matches(PasswordPolicy.fitsBcrypt(password) ? password : "", hash);
    }

    /** A claimed name as it may appear in the trail: printable and at most 64 characters. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String clean = name.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
