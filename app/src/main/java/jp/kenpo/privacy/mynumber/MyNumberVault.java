package jp.kenpo.privacy.mynumber;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.kenpo.privacy.accounts.Operator;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.UnknownMemberException;

/**
 * The vault of individual numbers (特定個人情報): the only way to store or read one. It owns the
 * tables individual_number and vault_key.
 *
 * <ul>
 * <li>Numbers are sealed with AES-256-GCM, a random nonce per record, under a data key that is
 *     stored only wrapped by a master key kept outside the database (番号法第12条 安全管理措置).</li>
 * <li>A number is read only for a purpose the catalog marks as a My Number purpose (番号法第9条
 *     利用範囲, 第19条 提供の制限, 第20条 収集・保管の制限), only by the roles configured as its
 *     handlers (事務取扱担当者), and every read — and every refused read — is audited with its purpose.</li>
 * <li>No number appears in a log line, an exception message or a toString.</li>
 * </ul>
 */
@Service
public class MyNumberVault {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate named;
    private final VaultKeys keys;
    private final MemberRegistry members;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final VaultProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MyNumberVault(JdbcTemplate jdbc, VaultKeys keys, MemberRegistry members, CatalogService catalog, AuditTrail audit,
                  VaultProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.keys = keys;
        this.members = members;
        this.catalog = catalog;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reads a member's number for a My Number purpose.
     *
     * @throws MyNumberRefusedException (audited) for a purpose or role the law or the rules do not allow
     * @throws NoIndividualNumberException (audited) when the vault holds none for the member
     */
    @Transactional
    public IndividualNumber read(MemberKey member, PurposeCode purpose) {
        var attempt = AuditEvent.of(AuditAction.MY_NUMBER_READ, "").member(member).purpose(purpose);
        permitRead(purpose, attempt);
        IndividualNumber number = open(new Gcm(), sealedOf(member, attempt));
        audit.record(AuditEvent.of(AuditAction.MY_NUMBER_READ, "for purpose " + purpose).member(member).purpose(purpose));
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
        String listed = AuditEvent.listedPopulation(population);
        permitRead(purpose, AuditEvent.of(AuditAction.MY_NUMBERS_READ, listed));
        Map<MemberKey, Long> ids = members.ids(population);
        var byId = new HashMap<Long, MemberKey>(ids.size() * 2);
        ids.forEach((k, id) -> byId.put(id, k));
        var onFile = new HashSet<Long>();
        eachRow("member_id", byId.keySet(), rs -> onFile.add(rs.getLong(1)));
        audit.recordCommitted(AuditEvent.of(AuditAction.MY_NUMBERS_READ, "population: " + listed + "; " + onFile.size()
                + " with a number on file, read for purpose " + purpose).purpose(purpose));
        var gcm = new Gcm();
        int[] read = {0};
        eachRow("member_id, key_id, nonce, ciphertext", onFile, rs -> {
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
        Set<Role> roles = callerRoles();
        if (!isOperator() && roles.stream().noneMatch(properties.maskedViewRoles()::contains)) {
            refuse(attempt, "the role " + roles + " may not view individual numbers, even masked");
        }
        IndividualNumber number = open(new Gcm(), sealedOf(member, attempt));
        audit.record(AuditEvent.of(AuditAction.MY_NUMBER_MASKED_VIEW, "masked view").member(member));
        return number.masked();
    }

    /**
     * Stores the numbers of an import file (header {@code member,individual_number}): all of them
     * or, if a row is bad, none. A number already registered to another member is refused. Only
     * the handlers of numbers and the operator (the command line) import; a refused file is audited.
     */
    @Transactional(timeout = 3600)
    public VaultImport importCsv(InputStream in, String source, Charset charset) {
        var attempt = AuditEvent.of(AuditAction.MY_NUMBERS_IMPORTED, "");
        if (!isOperator()) {
            requireHandler(attempt);
        }
        try {
            return store(in, source, charset);
        } catch (ImportRejectedException e) {
            // the rollback takes the file's rows with it: the refusal is kept in a transaction of its own,
            // by line and column only, since what a bad row held may be a number (番号法第20条)
            audit.recordRefusal(refusal(attempt, source + ": " + places(e.problems()) + "; nothing stored"));
            throw e;
        }
    }

    /** Where a refused file's problems are (the first ten), never what they held. */
    private static String places(List<ImportProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + problems.stream().limit(10)
                .map(p -> "line " + p.line() + (p.column().isEmpty() ? "" : " column " + p.column()))
                .collect(Collectors.joining(", ")) + (problems.size() > 10 ? ", …" : "");
    }

    private VaultImport store(InputStream in, String source, Charset charset) {
        NumberCsv.Parsed parsed = NumberCsv.read(in, source, charset);
        var problems = new ArrayList<>(parsed.problems());
        Map<MemberKey, Long> ids = members.ids(parsed.rows().stream().map(NumberCsv.Row::member).distinct().toList());
        SecretKey lookupKey = keys.lookupKey();
        var lookups = new HashMap<String, NumberCsv.Row>();
        var seenMembers = new HashSet<MemberKey>();
        var rows = new ArrayList<NumberCsv.Row>();
        for (NumberCsv.Row r : parsed.rows()) {
            String lookup = lookup(lookupKey, r.number());
            NumberCsv.Row same = lookups.putIfAbsent(lookup, r);
            if (!ids.containsKey(r.member())) {
                problems.add(new ImportProblem(source, r.line(), "member", "no member " + r.member() + " in the registry"));
            } else if (!seenMembers.add(r.member())) {
                problems.add(new ImportProblem(source, r.line(), "member", r.member() + " appears twice in the file"));
            } else if (same != null && !same.member().equals(r.member())) {
                problems.add(new ImportProblem(source, r.line(), "individual_number", "the same number as line "
                        + same.line() + ", which is another member's"));
            } else {
                rows.add(r);
            }
        }
        Map<String, Long> registered = registeredLookups(new ArrayList<>(lookups.keySet()));
        for (NumberCsv.Row r : rows) {
            Long holder = registered.get(lookup(lookupKey, r.number()));
            if (holder != null && !holder.equals(ids.get(r.member()))) {
                problems.add(new ImportProblem(source, r.line(), "individual_number",
                        "this number is registered to another member"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingLong(ImportProblem::line));
            throw new ImportRejectedException(source, problems);
        }
        Set<Long> existing = new HashSet<>();
        eachRow("member_id", new HashSet<>(ids.values()), rs -> existing.add(rs.getLong(1)));
        VaultKeys.DataKey dataKey = keys.currentDataKey();
        var gcm = new Gcm();
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = jp.kenpo.privacy.audit.Actor.current().name();
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        for (NumberCsv.Row r : rows) {
            long id = ids.get(r.member());
            Gcm.Sealed s = gcm.seal(dataKey.key(), r.number().reveal().getBytes(StandardCharsets.US_ASCII),
                    associated(id, dataKey.id()), random);
            String lookup = lookup(lookupKey, r.number());
            if (existing.contains(id)) {
                updates.add(new Object[] {dataKey.id(), s.nonce(), s.ciphertext(), lookup, now, by, id});
            } else {
                inserts.add(new Object[] {id, dataKey.id(), s.nonce(), s.ciphertext(), lookup, now, by});
            }
        }
        jdbc.batchUpdate("""
                update individual_number set key_id = ?, nonce = ?, ciphertext = ?, lookup = ?, recorded_at = ?,
                       recorded_by = ? where member_id = ?""", updates);
        jdbc.batchUpdate("""
                insert into individual_number (member_id, key_id, nonce, ciphertext, lookup, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""", inserts);
        audit.record(AuditEvent.of(AuditAction.MY_NUMBERS_IMPORTED, source + ": " + inserts.size() + " numbers added, "
                + updates.size() + " replaced"));
        return new VaultImport(source, parsed.rowsRead(), inserts.size(), updates.size());
    }

    /** Key rotation: wraps every data key with the current master key (see {@link VaultKeys#rewrap()}). */
    @Transactional
    public int rewrap() {
        int n = keys.rewrap();
        audit.record(AuditEvent.of(AuditAction.VAULT_KEYS_REWRAPPED, n + " vault keys re-wrapped with master key "
                + keys.currentMasterKeyId()));
        return n;
    }

    @Transactional(readOnly = true)
    public VaultStatus status() {
        long numbers = jdbc.queryForObject("select count(*) from individual_number", Long.class);
        return new VaultStatus(numbers, keys.currentMasterKeyId(), keys.wrappings());
    }

    /** Refuses (and audits the refusal of) a read for a purpose or by a role that may not read numbers. */
    private void permitRead(PurposeCode purpose, AuditEvent attempt) {
        requireHandler(attempt.purpose(purpose));
        Optional<Purpose> p = catalog.catalog().purposeInForceAt(purpose, clock.instant());
        if (p.isEmpty() || !p.get().usesIndividualNumbers()) {
            refuse(attempt.purpose(purpose), "purpose " + purpose + (p.isEmpty() ? " is not in force"
                    : " is not a My Number purpose") + ": individual numbers may be used only for the work the "
                    + "My Number Act allows (番号法第9条, 第19条)");
        }
    }

    /**
     * Refuses (audited) a caller whose role is not among the handlers of individual numbers
     * (事務取扱担当者, {@code kenpo.mynumber.reader-roles}): only they read or store numbers, which
     * the safety measures of 番号法第12条 ask for (the PPC guideline: the handlers and their scope
     * are set apart). Checked here as well as by the web layer, so that no caller reaches the vault
     * around it.
     */
    private void requireHandler(AuditEvent attempt) {
        Set<Role> roles = callerRoles();
        if (roles.stream().noneMatch(properties.readerRoles()::contains)) {
            refuse(attempt, "the role " + (roles.isEmpty() ? "of this caller" : roles.toString())
                    + " is not among those who handle individual numbers (kenpo.mynumber.reader-roles)");
        }
    }

    private void refuse(AuditEvent attempt, String why) {
        audit.recordRefusal(refusal(attempt, why));
        throw new MyNumberRefusedException(why);
    }

    private static AuditEvent refusal(AuditEvent attempt, String why) {
        return new AuditEvent(attempt.action(), AuditOutcome.REFUSED, attempt.members(), attempt.purpose(),
                "refused: " + why, attempt.actor());
    }

    /** A member's number as stored: what {@link #open} needs. */
    private record Sealed(long memberId, int keyId, byte[] nonce, byte[] ciphertext) {
    }

    /**
     * The member's sealed number. An attempt that finds none (no such member, no number on file) is
     * audited as refused: a refused read is on record whatever stopped it.
     */
    private Sealed sealedOf(MemberKey member, AuditEvent attempt) {
        long id;
        try {
            id = members.require(member).id();
        } catch (UnknownMemberException e) {
            audit.recordRefusal(refusal(attempt, "no member with this key"));
            throw e;
        }
        var sealed = jdbc.query("select key_id, nonce, ciphertext from individual_number where member_id = ?",
                (rs, n) -> new Sealed(id, rs.getInt(1), rs.getBytes(2), rs.getBytes(3)), id);
        if (sealed.isEmpty()) {
            audit.recordRefusal(refusal(attempt, "no individual number on file"));
            throw new NoIndividualNumberException(member.toString());
        }
        return sealed.get(0);
    }

    /** Runs {@code row} over the vault's rows of these members, selecting {@code columns} (member_id first). */
    private void eachRow(String columns, Set<Long> ids, RowCallbackHandler row) {
        if (ids.size() > 5 * CHUNK) {
            // a large population: one pass over the vault beats many lists of ids
            streaming.query("select " + columns + " from individual_number", rs -> {
                if (ids.contains(rs.getLong(1))) {
                    row.processRow(rs);
                }
            });
        } else {
            var list = new ArrayList<>(ids);
            for (int i = 0; i < list.size(); i += CHUNK) {
                named.query("select " + columns + " from individual_number where member_id in (:ids)",
                        Map.of("ids", list.subList(i, Math.min(list.size(), i + CHUNK))), row);
            }
        }
    }

    private IndividualNumber open(Gcm gcm, Sealed s) {
        byte[] digits = gcm.open(keys.key(s.keyId()), s.nonce(), s.ciphertext(), associated(s.memberId(), s.keyId()));
        String text = new String(digits, StandardCharsets.US_ASCII);
        if (!IndividualNumber.isValid(text)) {
            throw new Gcm.VaultIntegrityException("a stored number of member id " + s.memberId() + " is not a valid number");
        }
        return IndividualNumber.parse(text);
    }

    /** What a sealed number is bound to: its member and its data key. */
    private static String associated(long memberId, int keyId) {
        return "kenpo-my-number-v1|" + memberId + "|" + keyId;
    }

    private static String lookup(SecretKey key, IndividualNumber number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(number.reveal().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private Map<String, Long> registeredLookups(List<String> lookups) {
        var found = new HashMap<String, Long>();
        for (int i = 0; i < lookups.size(); i += CHUNK) {
            named.query("select lookup, member_id from individual_number where lookup in (:l)",
                    Map.of("l", lookups.subList(i, Math.min(lookups.size(), i + CHUNK))), rs -> {
                        found.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return found;
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

    private static boolean isOperator() {
        return Operator.is(SecurityContextHolder.getContext().getAuthentication());
    }
}
