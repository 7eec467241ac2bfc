package jp.kenpo.privacy.mynumber;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Individual numbers into the vault from a file (header {@code member,individual_number}): the
 * vault's import half, sealing as {@link MyNumberVault} opens. Storing a number is handling it
 * (番号法第12条; 第20条 allows keeping one only for the work the Act allows), so the same handlers
 * import as read, checked here, and the operator (the command line).
 */
@Service
public class MyNumberImport {

    private final VaultRows rows;
    private final VaultKeys keys;
    private final VaultAccess access;
    private final MemberRegistry members;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MyNumberImport(
            VaultRows rows, VaultKeys keys, VaultAccess access, MemberRegistry members, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.keys = keys;
        this.access = access;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the numbers of an import file: all of them or, if a row is bad, none. A number already
     * registered to another member is refused. A refused role and a refused file are audited.
     */
    @Transactional(timeout = 3600)
    public VaultImport importCsv(InputStream in, String source, Charset charset) {
        var attempt = AuditEvent.of(AuditAction.MY_NUMBERS_IMPORTED, "");
        if (!VaultAccess.isOperator()) {
            access.requireHandler(attempt);
        }
        try {
            return store(in, source, charset);
        } catch (ImportRejectedException e) {
            // the rollback takes the file's rows with it: the refusal is kept in a transaction of its own,
            // by line and column only, since what a bad row held may be a number (番号法第20条)
            access.recordRefusal(attempt, source + ": " + places(e.problems()) + "; nothing stored");
            throw e;
        }
    }

    /** Where a refused file's problems are (the first ten), never what they held. */
    private static String places(List<ImportProblem> problems) {
        return problems.size()
                + (problems.size() == 1 ? " problem: " : " problems: ")
                + problems.stream()
                        .limit(10)
                        .map(p -> "line " + p.line() + (p.column().isEmpty() ? "" : " column " + p.column()))
                        .collect(Collectors.joining(", "))
                + (problems.size() > 10 ? ", …" : "");
    }

    private VaultImport store(InputStream in, String source, Charset charset) {
        NumberCsv.Parsed parsed = NumberCsv.read(in, source, charset);
        var problems = new ArrayList<>(parsed.problems());
        Map<MemberKey, Long> ids = members.ids(
                parsed.rows().stream().map(NumberCsv.Row::member).distinct().toList());
        SecretKey lookupKey = keys.lookupKey();
        var lookups = new HashMap<String, NumberCsv.Row>();
        var seenMembers = new HashSet<MemberKey>();
        var accepted = new ArrayList<NumberCsv.Row>();
        for (NumberCsv.Row r : parsed.rows()) {
            String lookup = VaultRows.lookup(lookupKey, r.number());
            NumberCsv.Row same = lookups.putIfAbsent(lookup, r);
            if (!ids.containsKey(r.member())) {
                problems.add(
                        new ImportProblem(source, r.line(), "member", "no member " + r.member() + " in the registry"));
            } else if (!seenMembers.add(r.member())) {
                problems.add(new ImportProblem(source, r.line(), "member", r.member() + " appears twice in the file"));
            } else if (same != null && !same.member().equals(r.member())) {
                problems.add(new ImportProblem(
                        source,
                        r.line(),
                        "individual_number",
                        "the same number as line " + same.line() + ", which is another member's"));
            } else {
                accepted.add(r);
            }
        }
        Map<String, Long> registered = registeredLookups(new ArrayList<>(lookups.keySet()));
        for (NumberCsv.Row r : accepted) {
            Long holder = registered.get(VaultRows.lookup(lookupKey, r.number()));
            if (holder != null && !holder.equals(ids.get(r.member()))) {
                problems.add(new ImportProblem(
                        source, r.line(), "individual_number", "this number is registered to another member"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingLong(ImportProblem::line));
            throw new ImportRejectedException(source, problems);
        }
        Set<Long> existing = new HashSet<>();
        rows.eachRow("member_id", new HashSet<>(ids.values()), rs -> existing.add(rs.getLong(1)));
        VaultKeys.DataKey dataKey = keys.currentDataKey();
        var gcm = new Gcm();
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = Actor.current().name();
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        for (NumberCsv.Row r : accepted) {
            long id = ids.get(r.member());
            Gcm.Sealed s = gcm.seal(
                    dataKey.key(),
                    r.number().reveal().getBytes(StandardCharsets.US_ASCII),
                    VaultRows.associated(id, dataKey.id()),
                    random);
            String lookup = VaultRows.lookup(lookupKey, r.number());
            if (existing.contains(id)) {
                updates.add(new Object[] {dataKey.id(), s.nonce(), s.ciphertext(), lookup, now, by, id});
            } else {
                inserts.add(new Object[] {id, dataKey.id(), s.nonce(), s.ciphertext(), lookup, now, by});
            }
        }
        rows.jdbc().batchUpdate("""
                update individual_number set key_id = ?, nonce = ?, ciphertext = ?, lookup = ?, recorded_at = ?,
                       recorded_by = ? where member_id = ?""", updates);
        rows.jdbc().batchUpdate("""
                insert into individual_number (member_id, key_id, nonce, ciphertext, lookup, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""", inserts);
        audit.record(AuditEvent.of(
                AuditAction.MY_NUMBERS_IMPORTED,
                source + ": " + inserts.size() + " numbers added, " + updates.size() + " replaced"));
        return new VaultImport(source, parsed.rowsRead(), inserts.size(), updates.size());
    }

    private Map<String, Long> registeredLookups(List<String> lookups) {
        var found = new HashMap<String, Long>();
        for (int i = 0; i < lookups.size(); i += VaultRows.CHUNK) {
            rows.named()
                    .query(
                            "select lookup, member_id from individual_number where lookup in (:l)",
                            Map.of("l", lookups.subList(i, Math.min(lookups.size(), i + VaultRows.CHUNK))),
                            rs -> {
                                found.put(rs.getString(1), rs.getLong(2));
                            });
        }
        return found;
    }
}
