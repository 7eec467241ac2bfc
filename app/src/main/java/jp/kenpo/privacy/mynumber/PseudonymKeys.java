package jp.kenpo.privacy.mynumber;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import jp.kenpo.privacy.accounts.Operator;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recipients' STABLE pseudonym keys: processing-method information (加工方法等情報, APPI Art.
 * 43(2); PPC Rules Art. 35) kept in the vault, apart from the releases, wrapped by the master key
 * as the vault's own keys are and re-wrapped with them. One key per recipient, made on its first
 * STABLE release. Only a privacy officer (or the operator on the server, who holds the master key
 * file anyway) may use one, and every use and every refused attempt is audited
 * ({@code RELEASE_KEY_USED}). A key leaves here only as bytes for the caller to wipe; it is never
 * logged nor shown.
 */
@Service
public class PseudonymKeys {

    private static final int KEY_BYTES = 32;

    private final VaultKeys keys;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AuditTrail audit;
    private final Clock clock;

    PseudonymKeys(
            VaultKeys keys, JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The recipient's key (32 bytes, a copy the caller wipes), made and stored on first use. The key
     * and the audit entry of its use commit in a transaction of their own before the key is handed
     * over: a key used cannot be taken back by a rollback, so its use is on record whatever the
     * build then does.
     *
     * @param why what the key is used for (a release spec and period), for the audit entry
     * @throws MyNumberRefusedException (audited) for a caller who is not a privacy officer
     * @throws VaultUnavailableException when no master key is configured
     */
    public byte[] use(String recipient, String why) {
        Objects.requireNonNull(recipient, "recipient");
        if (!mayUse()) {
            audit.recordRefusal(AuditEvent.of(
                            AuditAction.RELEASE_KEY_USED,
                            "refused: the pseudonym key of recipient " + recipient
                                    + " may be used only by a privacy officer (PPC Rules Art. 35)")
                    .outcome(AuditOutcome.REFUSED));
            throw new MyNumberRefusedException("only a privacy officer may use a recipient's pseudonym key");
        }
        return ownTransaction.execute(status -> {
            String associated = VaultKeys.pseudonymAssociated(recipient);
            boolean created = false;
            List<byte[]> found = stored(recipient, associated);
            if (found.isEmpty()) {
                // creators take turns on the vault's lock row, so two first releases make one key
                jdbc.queryForObject("select id from vault_key_lock where id = 1 for update", Integer.class);
                found = stored(recipient, associated);
                if (found.isEmpty()) {
                    found = List.of(create(recipient, associated));
                    created = true;
                }
            }
            audit.record(AuditEvent.of(
                            AuditAction.RELEASE_KEY_USED,
                            "the pseudonym key of recipient " + recipient + (created ? " created and" : "") + " used: "
                                    + why)
                    .purpose("9.1"));
            return found.get(0);
        });
    }

    /** Whether a recipient has a key (nothing is unwrapped, nothing audited). */
    public boolean exists(String recipient) {
        return jdbc.queryForObject("select count(*) from pseudonym_key where recipient = ?", Integer.class, recipient)
                > 0;
    }

    private List<byte[]> stored(String recipient, String associated) {
        return jdbc.query(
                "select master_key_id, wrapped from pseudonym_key where recipient = ?",
                (rs, n) -> keys.unwrap(rs.getString(1), rs.getBytes(2), associated),
                recipient);
    }

    private byte[] create(String recipient, String associated) {
        byte[] bytes = new byte[KEY_BYTES];
        keys.random().nextBytes(bytes);
        VaultKeys.Wrapped wrapped = keys.wrapNew(bytes, associated);
        jdbc.update(
                "insert into pseudonym_key (recipient, master_key_id, wrapped, created_at) values (?, ?, ?, ?)",
                recipient,
                wrapped.masterKeyId(),
                wrapped.wrapped(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        return copy;
    }

    private static boolean mayUse() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        return Operator.is(auth)
                || auth.getAuthorities().stream()
                        .anyMatch(a -> Role.PRIVACY_OFFICER.authority().equals(a.getAuthority()));
    }
}
