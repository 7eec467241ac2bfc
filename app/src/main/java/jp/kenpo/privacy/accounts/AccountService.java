package jp.kenpo.privacy.accounts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import jp.kenpo.privacy.accounts.AccountRows.AccountRow;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.shared.FreeText;
import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's one way in for managing accounts (officers, and operators on the
 * command line) and for a signed-in person's own account. It owns the tables account and
 * api_token. Every change is audited in the transaction that makes it. Passwords are stored
 * only as hashes of Spring Security's delegating encoder, tokens only as SHA-256.
 */
@Service
public class AccountService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final String ISSUER = "kenpo-privacy";
    /**
     * Counts the account's credential version up: every session signed in before ends at its next
     * request (OWASP ASVS 3.3.3), so that a disabled or reset account does not live on in an open session.
     */
    private static final String NEXT_CREDENTIALS = "credential_version = credential_version + 1";
    /**
     * Who creates the first officer: the application at its first start, since nobody can be signed
     * in before any account exists. Named, so that the trail says how the first account came to be
     * rather than that nobody made it. Parentheses keep it apart from every account name.
     */
    static final Actor FIRST_START = new Actor("(first start)", "NONE", "local");

    private final JdbcTemplate jdbc;
    private final AccountRows rows;
    private final PasswordEncoder encoder;
    private final MemberRegistry members;
    private final AuditTrail audit;
    private final SecurityPolicy policy;
    private final Clock clock;
    private final LockOut lockOut;
    private final PasswordPolicy passwords;
    private final SecureRandom random = new SecureRandom();

    AccountService(
            JdbcTemplate jdbc,
            AccountRows rows,
            PasswordEncoder encoder,
            MemberRegistry members,
            AuditTrail audit,
            SecurityPolicy policy,
            Clock clock,
            LockOut lockOut,
            PasswordPolicy passwords) {
        this.lockOut = lockOut;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.rows = rows;
        this.encoder = encoder;
        this.members = members;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Creates an account. Staff and members get a one-time password that must be changed at
     * first sign-in; SYSTEM accounts get none and sign in with API tokens.
     *
     * @param member for a MEMBER account, the member it signs in as (must be registered)
     */
    @Transactional
    public CreatedAccount create(String name, Role role, Optional<MemberKey> member) {
        return create(name, role, member, Actor.current());
    }

    private CreatedAccount create(String name, Role role, Optional<MemberKey> member, Actor by) {
        checkName(name);
        if (role == Role.MEMBER) {
            MemberKey key = member.orElseThrow(
                    () -> new AccountRequestException("member", "a MEMBER account names the member it signs in as"));
            members.require(key);
        } else if (member.isPresent()) {
            throw new AccountRequestException("member", "only a MEMBER account names a member");
        }
        Optional<String> oneTime =
                role == Role.SYSTEM ? Optional.empty() : Optional.of(Secrets.oneTimePassword(random));
        try {
            jdbc.update(
                    """
                    insert into account (name, role, member_key, password_hash, password_change_required, enabled,
                                         created_at, created_by)
                    values (?, ?, ?, ?, ?, true, ?, ?)""",
                    name,
                    role.name(),
                    member.map(MemberKey::toString).orElse(null),
                    oneTime.map(encoder::encode).orElse(null),
                    oneTime.isPresent(),
                    now(),
                    by.name());
        } catch (DuplicateKeyException e) {
            throw new AccountRequestException("name", "an account '" + name + "' already exists");
        }
        var event = AuditEvent.of(AuditAction.ACCOUNT_CREATED, "account " + name + " (" + role + ")")
                .by(by);
        audit.record(member.map(event::member).orElse(event));
        return new CreatedAccount(require(name), oneTime);
    }

    @Transactional
    public Account disable(String name) {
        AccountRow row = rows.lock(name);
        jdbc.update("update account set enabled = false, " + NEXT_CREDENTIALS + " where id = ?", row.id());
        audit.record(AuditEvent.of(AuditAction.ACCOUNT_DISABLED, "account " + name + " (" + row.role() + ")"));
        return require(name);
    }

    @Transactional
    public Account enable(String name) {
        AccountRow row = rows.lock(name);
        jdbc.update("update account set enabled = true where id = ?", row.id());
        audit.record(AuditEvent.of(AuditAction.ACCOUNT_ENABLED, "account " + name + " (" + row.role() + ")"));
        return require(name);
    }

    /**
     * Gives the account a new one-time password and unlocks it; with {@code clearSecondFactor}
     * also removes its authenticator, for a holder who lost theirs (they enrol a new one at sign-in).
     */
    @Transactional
    public CreatedAccount reset(String name, boolean clearSecondFactor) {
        AccountRow row = rows.lock(name);
        if (row.role() == Role.SYSTEM) {
            throw new AccountRequestException(
                    "name",
                    name + " is a SYSTEM account: it has no password; " + "revoke its tokens and issue new ones");
        }
        String oneTime = Secrets.oneTimePassword(random);
        jdbc.update(
                """
                update account set password_hash = ?, password_change_required = true, one_time_password_used = false,
                       failed_sign_ins = 0, locked_until = null, """ + NEXT_CREDENTIALS + (clearSecondFactor ? ", totp_secret = null, totp_pending_secret = null" : "")
                        + " where id = ?",
                encoder.encode(oneTime),
                row.id());
        audit.record(AuditEvent.of(
                AuditAction.ACCOUNT_RESET,
                "account " + name + ": new one-time password, unlocked"
                        + (clearSecondFactor ? ", second factor removed" : "")));
        return new CreatedAccount(require(name), Optional.of(oneTime));
    }

    /** Issues an API token for a SYSTEM account; its value is returned this once. */
    @Transactional
    public IssuedToken issueToken(String name, String label, Optional<Duration> validity) {
        AccountRow row = rows.lock(name);
        if (row.role() != Role.SYSTEM) {
            throw new AccountRequestException(
                    "name",
                    name + " is a " + row.role() + " account: API tokens are for "
                            + "SYSTEM accounts; people sign in with a password and a second factor");
        }
        Duration valid = validity.orElse(policy.tokenValidity());
        if (valid.isNegative() || valid.isZero() || valid.compareTo(policy.tokenMaxValidity()) > 0) {
            throw new AccountRequestException(
                    "days",
                    "a token is valid for at least a day and at most "
                            + policy.tokenMaxValidity().toDays() + " days");
        }
        String cleanLabel = label == null || label.isBlank() ? "token" : label.strip();
        if (cleanLabel.length() > 100) {
            throw new AccountRequestException("label", "a label has at most 100 characters");
        }
        String labelProblem = FreeText.problem(cleanLabel, false);
        if (labelProblem != null) {
            throw new AccountRequestException("label", "the label " + labelProblem);
        }
        String token = Secrets.apiToken(random);
        Instant expires = clock.instant().plus(valid).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.update(
                """
                insert into api_token (account_id, token_hash, label, created_at, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?)""",
                row.id(),
                Secrets.tokenHash(token),
                cleanLabel,
                now(),
                actorName(),
                OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        long id = jdbc.queryForObject(
                "select id from api_token where token_hash = ?", Long.class, Secrets.tokenHash(token));
        audit.record(AuditEvent.of(
                AuditAction.TOKEN_ISSUED,
                "API token #" + id + " '" + cleanLabel + "' for " + name + ", expires " + expires));
        return new IssuedToken(name, id, token, expires);
    }

    @Transactional
    public Account revokeToken(String name, long tokenId) {
        AccountRow row = rows.lock(name);
        int n = jdbc.update(
                "update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null",
                now(),
                tokenId,
                row.id());
        if (n == 0) {
            throw new AccountRequestException("id", name + " has no unrevoked token #" + tokenId);
        }
        audit.record(AuditEvent.of(AuditAction.TOKEN_REVOKED, "API token #" + tokenId + " of " + name));
        return require(name);
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        Map<Long, List<Account.ApiToken>> tokens = tokens();
        return rows.all().stream()
                .map(r -> r.account(tokens.getOrDefault(r.id(), List.of()), clock.instant()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Account require(String name) {
        AccountRow row = rows.find(name).orElseThrow(() -> new UnknownAccountException(name));
        return row.account(tokens().getOrDefault(row.id(), List.of()), clock.instant());
    }

    /**
     * The signed-in person changes their password; the current one proves it is them. A wrong
     * current password counts towards the account's lock-out like a failed sign-in, and is audited
     * (OWASP ASVS 2.2.1): a session taken over must not become a way to guess the password. The
     * failure's count and entry commit although the request is refused.
     */
    @Transactional(noRollbackFor = AccountRequestException.class)
    public void changePassword(SignedIn who, String current, String next) {
        AccountRow row = rows.lock(who.name());
        Instant now = clock.instant();
        if (LockOut.locked(row, now)) {
            throw new AccountRequestException(
                    "currentPassword", "the account is locked for a while after repeated failures");
        }
        if (row.passwordHash() == null
                || !PasswordPolicy.fitsBcrypt(current)
                || !encoder.matches(current == null ? "" : current, row.passwordHash())) {
            String count = lockOut.countFailure(row, now, true);
            audit.record(AuditEvent.of(
                            AuditAction.PASSWORD_CHANGED,
                            "account " + who.name() + ": password change refused: wrong current password; " + count)
                    .outcome(AuditOutcome.FAILED));
            throw new AccountRequestException(
                    "currentPassword",
                    "the current password is not right; "
                            + "after repeated failures the account is locked for a while");
        }
        String problem = passwords.problem(next, who.name());
        if (problem != null) {
            throw new AccountRequestException("newPassword", problem);
        }
        if (encoder.matches(next, row.passwordHash())) {
            throw new AccountRequestException("newPassword", "the new password must differ from the current one");
        }
        jdbc.update(
                "update account set password_hash = ?, password_change_required = false, failed_sign_ins = 0, "
                        + NEXT_CREDENTIALS + " where id = ?",
                encoder.encode(next),
                row.id());
        audit.record(AuditEvent.of(AuditAction.PASSWORD_CHANGED, "account " + who.name()));
    }

    /** Starts enrolling an authenticator app: a new secret, which counts once its first code is confirmed. */
    @Transactional
    public SecondFactorSetup startSecondFactor(SignedIn who) {
        AccountRow row = rows.lock(who.name());
        if (row.totpSecret() != null) {
            throw new AccountStateException("a second factor is already enrolled; an officer's reset with the second "
                    + "factor removed lets you enrol another");
        }
        byte[] secret = Totp.newSecret(random);
        jdbc.update("update account set totp_pending_secret = ? where id = ?", Base32.encode(secret), row.id());
        // a pending secret already yields codes: whoever holds it and the password is one confirmation
        // away from a second factor of their own on this account
        audit.record(AuditEvent.of(
                AuditAction.SECOND_FACTOR_STARTED,
                "account " + who.name() + ": enrolment started, " + "a new secret issued"
                        + (row.totpPendingSecret() == null ? "" : " in place of the pending one")));
        return new SecondFactorSetup(Base32.encode(secret), Totp.uri(ISSUER, who.name(), secret));
    }

    /**
     * Confirms enrolment with the first code the app shows. A wrong code counts towards the
     * account's lock-out and is audited, as at sign-in.
     */
    @Transactional(noRollbackFor = AccountRequestException.class)
    public void confirmSecondFactor(SignedIn who, String code) {
        AccountRow row = rows.lock(who.name());
        if (LockOut.locked(row, clock.instant())) {
            throw new AccountRequestException("code", "the account is locked for a while after repeated failures");
        }
        if (row.totpSecret() != null) {
            throw new AccountStateException("a second factor is already enrolled");
        }
        if (row.totpPendingSecret() == null) {
            throw new AccountStateException("no enrolment is under way: start one first");
        }
        OptionalLong step =
                Totp.verify(Base32.decode(row.totpPendingSecret()), code, clock.instant(), row.totpLastStep());
        if (step.isEmpty()) {
            String count = lockOut.countFailure(row, clock.instant(), true);
            audit.record(AuditEvent.of(
                            AuditAction.SECOND_FACTOR_ENROLLED,
                            "account " + who.name() + ": enrolment refused: wrong code; " + count)
                    .outcome(AuditOutcome.FAILED));
            throw new AccountRequestException(
                    "code", "the code does not match: check the app's clock and try the next code");
        }
        jdbc.update("""
                update account set totp_secret = totp_pending_secret, totp_pending_secret = null, totp_last_step = ?,
                       failed_sign_ins = 0, """ + NEXT_CREDENTIALS + " where id = ?", step.getAsLong(), row.id());
        audit.record(AuditEvent.of(AuditAction.SECOND_FACTOR_ENROLLED, "account " + who.name()));
    }

    /**
     * On an empty database, creates the one privacy officer account that can create all others;
     * its one-time password goes to the console once. Nothing happens when any account exists.
     */
    @Transactional
    public Optional<CreatedAccount> createFirstOfficer() {
        Integer accounts = jdbc.queryForObject("select count(*) from account", Integer.class);
        if (accounts > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(create(policy.firstOfficer(), Role.PRIVACY_OFFICER, Optional.empty(), FIRST_START));
        } catch (AccountRequestException e) {
            // another process created it at the same moment: it printed the password
            return Optional.empty();
        }
    }

    private void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountRequestException(
                    "name",
                    "an account name has 2 to 64 ASCII letters, digits and . _ @ -, "
                            + "starting with a letter or digit");
        }
        if (NumberMask.holdsNumber(name)) {
            // a name is kept in the account table and in every audit entry the account makes (My Number Act Art. 20)
            throw new AccountRequestException("name", "an account name must not hold what may be an individual number");
        }
    }

    private Map<Long, List<Account.ApiToken>> tokens() {
        var map = new HashMap<Long, List<Account.ApiToken>>();
        jdbc.query(
                "select account_id, id, label, created_at, expires_at, revoked_at from api_token order by id", rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Account.ApiToken(
                                    rs.getLong(2),
                                    rs.getString(3),
                                    instant(rs, 4),
                                    instant(rs, 5),
                                    Optional.ofNullable(rs.getObject(6, OffsetDateTime.class))
                                            .map(OffsetDateTime::toInstant)));
                });
        return map;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Who makes the change: the signed-in officer, or the operator on the command line. */
    private static String actorName() {
        return Actor.current().name();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
