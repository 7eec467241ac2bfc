package jp.kenpo.privacy.mynumber;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.provision.ExchangeOrder;
import jp.kenpo.privacy.provision.MyNumberExchanges;
import jp.kenpo.privacy.shared.BadRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault of individual numbers (特定個人情報): the only way to read one; {@link MyNumberImport}
 * is the only way to store one. The mynumber module owns the tables individual_number and vault_key.
 *
 * <ul>
 * <li>Numbers are sealed with AES-256-GCM, a random nonce per record, under a data key that is
 *     stored only wrapped by a master key kept outside the database (番号法第12条 安全管理措置).</li>
 * <li>A number is read only for a purpose the catalog marks as a My Number purpose (番号法第9条
 *     利用範囲, 第19条 提供の制限, 第20条 収集・保管の制限), only by the roles configured as its
 *     handlers (事務取扱担当者), and every read — and every refused read — is audited with its purpose.</li>
 * <li>A read for an info-linkage purpose (category 7) names the other institution and the items
 *     exchanged, and becomes an exchange record (情報提供等の記録, 番号法第23条第1項) in the
 *     transaction that audits it ({@link MyNumberExchanges}).</li>
 * <li>No number appears in a log line, an exception message or a toString.</li>
 * </ul>
 */
@Service
public class MyNumberVault {

    private final VaultRows rows;
    private final JdbcTemplate jdbc;
    private final VaultKeys keys;
    private final VaultAccess access;
    private final MemberRegistry members;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final MyNumberExchanges exchanges;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    MyNumberVault(
            VaultRows rows,
            VaultKeys keys,
            VaultAccess access,
            MemberRegistry members,
            CatalogService catalog,
            AuditTrail audit,
            MyNumberExchanges exchanges,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.rows = rows;
        this.jdbc = rows.jdbc();
        this.keys = keys;
        this.access = access;
        this.members = members;
        this.catalog = catalog;
        this.audit = audit;
        this.exchanges = exchanges;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Reads a member's number for a My Number purpose that is no info-linkage (1.3, 1.8, 8.1):
     * {@link #read(MemberKey, PurposeCode, Optional)} with no exchange.
     */
    @Transactional
    public IndividualNumber read(MemberKey member, PurposeCode purpose) {
        return read(member, purpose, Optional.empty());
    }

    /**
     * Reads a member's number for a My Number purpose. For an info-linkage purpose (category 7) the
     * exchange names the other institution and the items; the read is then an exchange record
     * (番号法第23条第1項), written with the read's audit entry.
     *
     * @param exchange required for a category 7 purpose, refused for any other
     * @throws MyNumberRefusedException (audited) for a purpose, role or counterparty the law or the rules do not allow
     * @throws NoIndividualNumberException (audited) when the vault holds none for the member
     */
    @Transactional
    public IndividualNumber read(MemberKey member, PurposeCode purpose, Optional<ExchangeOrder> exchange) {
        var attempt =
                AuditEvent.of(AuditAction.MY_NUMBER_READ, "").member(member).purpose(purpose);
        Purpose p = permitRead(purpose, attempt);
        Optional<MyNumberExchanges.Linkage> linkage = linkage(p, exchange, attempt);
        Sealed sealed = sealedOf(member, attempt);
        IndividualNumber number = open(new Gcm(), sealed);
        String exchanged = linkage.map(l -> "; " + exchangeRecorded(l, List.of(sealed.memberId())))
                .orElse("");
        audit.record(AuditEvent.of(AuditAction.MY_NUMBER_READ, "for purpose " + purpose + exchanged)
                .member(member)
                .purpose(purpose));
        return number;
    }

    /**
     * Reads the numbers of a population for a My Number purpose (an info-linkage batch): one
     * audit entry naming the population (its size and the SHA-256 of its list) and the purpose.
     * Members without a number are skipped.
     *
     * <p>The entry is committed, in a transaction of its own, before the first number reaches the
     * sink: a number handed to the caller cannot be taken back by a rollback, so an entry written
     * at this transaction's commit could fail after the numbers had gone. It therefore names how
     * many numbers are on file for the population, counted first; only those members are read.
     *
     * @return how many numbers were read
     */
    @Transactional
    public int readAll(List<MemberKey> population, PurposeCode purpose, BiConsumer<MemberKey, IndividualNumber> sink) {
        return readAll(population, purpose, Optional.empty(), sink);
    }

    /**
     * As {@link #readAll(List, PurposeCode, BiConsumer)}; for an info-linkage purpose (category 7)
     * the exchange names the other institution and the items, and the exchange record — one row per
     * member read, written in bulk — is committed with the audit entry, before the first number
     * reaches the sink.
     *
     * @param exchange required for a category 7 purpose, refused for any other
     */
    @Transactional
    public int readAll(
            List<MemberKey> population,
            PurposeCode purpose,
            Optional<ExchangeOrder> exchange,
            BiConsumer<MemberKey, IndividualNumber> sink) {
        String listed = AuditEvent.listedPopulation(population);
        var attempt = AuditEvent.of(AuditAction.MY_NUMBERS_READ, listed);
        Purpose p = permitRead(purpose, attempt);
        Optional<MyNumberExchanges.Linkage> linkage = linkage(p, exchange, attempt.purpose(purpose));
        Map<MemberKey, Long> ids = members.ids(population);
        var byId = new HashMap<Long, MemberKey>(ids.size() * 2);
        ids.forEach((k, id) -> byId.put(id, k));
        var onFile = new HashSet<Long>();
        rows.eachRow("member_id", byId.keySet(), rs -> onFile.add(rs.getLong(1)));
        String detail =
                "population: " + listed + "; " + onFile.size() + " with a number on file, read for purpose " + purpose;
        if (linkage.isEmpty()) {
            audit.recordCommitted(
                    AuditEvent.of(AuditAction.MY_NUMBERS_READ, detail).purpose(purpose));
        } else {
            // the exchange record, like the entry, must be durable before a number leaves (番号法第23条第1項)
            ownTransaction.executeWithoutResult(status -> audit.record(
                    AuditEvent.of(AuditAction.MY_NUMBERS_READ, detail + "; " + exchangeRecorded(linkage.get(), onFile))
                            .purpose(purpose)));
        }
        var gcm = new Gcm();
        int[] read = {0};
        rows.eachRow("member_id, key_id, nonce, ciphertext", onFile, rs -> {
            long id = rs.getLong(1);
            sink.accept(byId.get(id), open(gcm, new Sealed(id, rs.getInt(2), rs.getBytes(3), rs.getBytes(4))));
            read[0]++;
        });
        return read[0];
    }

    /** The masked number {@code ********1234} for staff who check that one is on file. */
    @Transactional
    public String masked(MemberKey member) {
        var attempt = AuditEvent.of(AuditAction.MY_NUMBER_MASKED_VIEW, "").member(member);
        access.requireMaskedViewer(attempt);
        IndividualNumber number = open(new Gcm(), sealedOf(member, attempt));
        audit.record(
                AuditEvent.of(AuditAction.MY_NUMBER_MASKED_VIEW, "masked view").member(member));
        return number.masked();
    }

    /** Key rotation: wraps every data key with the current master key (see {@link VaultKeys#rewrap()}). */
    @Transactional
    public int rewrap() {
        int n = keys.rewrap();
        audit.record(AuditEvent.of(
                AuditAction.VAULT_KEYS_REWRAPPED,
                n + " vault keys re-wrapped with master key " + keys.currentMasterKeyId()));
        return n;
    }

    @Transactional(readOnly = true)
    public VaultStatus status() {
        long numbers = jdbc.queryForObject("select count(*) from individual_number", Long.class);
        return new VaultStatus(numbers, keys.currentMasterKeyId(), keys.wrappings());
    }

    /** Refuses (and audits the refusal of) a read for a purpose or by a role that may not read numbers. */
    private Purpose permitRead(PurposeCode purpose, AuditEvent attempt) {
        access.requireHandler(attempt.purpose(purpose));
        Optional<Purpose> p = catalog.catalog().purposeInForceAt(purpose, clock.instant());
        if (p.isEmpty() || !p.get().usesIndividualNumbers()) {
            refuse(
                    attempt.purpose(purpose),
                    "purpose " + purpose + (p.isEmpty() ? " is not in force" : " is not a My Number purpose")
                            + ": individual numbers may be used only for the work the "
                            + "My Number Act allows (番号法第9条, 第19条)");
        }
        return p.get();
    }

    /**
     * The exchange an info-linkage read is, checked against the register before anything is read;
     * none for another purpose. A read that names no counterparty, or one the register does not
     * allow, is refused and audited: 番号法第19条 allows the provision only to the institutions and
     * for the work the Act names, and Art. 23(1) asks that each be recorded.
     */
    private Optional<MyNumberExchanges.Linkage> linkage(
            Purpose purpose, Optional<ExchangeOrder> exchange, AuditEvent attempt) {
        if (!MyNumberExchanges.isInfoLinkage(purpose) && exchange.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(exchanges.check(exchange.orElse(null), purpose));
        } catch (BadRequestException e) {
            refuse(attempt, e.field() + ": " + e.getMessage());
            throw e;
        }
    }

    /** Writes the exchange record in the current transaction; says which for the audit entry. */
    private String exchangeRecorded(MyNumberExchanges.Linkage linkage, java.util.Collection<Long> memberIds) {
        long id = exchanges.record(linkage, memberIds);
        return "exchange record " + id + " (番号法第23条): " + linkage.direction() + " with " + linkage.counterparty() + ", "
                + linkage.items().size() + " items";
    }

    private void refuse(AuditEvent attempt, String why) {
        access.refuse(attempt, why);
    }

    /** A member's number as stored: what {@link #open} needs. */
    private record Sealed(long memberId, int keyId, byte[] nonce, byte[] ciphertext) {}

    /**
     * The member's sealed number. An attempt that finds none (no such member, no number on file) is
     * audited as refused: a refused read is on record whatever stopped it.
     */
    private Sealed sealedOf(MemberKey member, AuditEvent attempt) {
        long id;
        try {
            id = members.require(member).id();
        } catch (UnknownMemberException e) {
            access.recordRefusal(attempt, "no member with this key");
            throw e;
        }
        var sealed = jdbc.query(
                "select key_id, nonce, ciphertext from individual_number where member_id = ?",
                (rs, n) -> new Sealed(id, rs.getInt(1), rs.getBytes(2), rs.getBytes(3)),
                id);
        if (sealed.isEmpty()) {
            access.recordRefusal(attempt, "no individual number on file");
            throw new NoIndividualNumberException(member.toString());
        }
        return sealed.get(0);
    }

    private IndividualNumber open(Gcm gcm, Sealed s) {
        byte[] digits =
                gcm.open(keys.key(s.keyId()), s.nonce(), s.ciphertext(), VaultRows.associated(s.memberId(), s.keyId()));
        String text = new String(digits, StandardCharsets.US_ASCII);
        if (!IndividualNumber.isValid(text)) {
            throw new Gcm.VaultIntegrityException(
                    "a stored number of member id " + s.memberId() + " is not a valid number");
        }
        return IndividualNumber.parse(text);
    }
}
