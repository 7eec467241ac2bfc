package jp.kenpo.privacy.members;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member file into the registry: new members, new and changed eligibility periods, and who
 * belongs to whose household. An import never changes who a registered key names (its insurer,
 * names, sex, birth date): that is a correction ({@link MemberCorrections}), made on purpose and
 * kept with what it replaced (APPI Art. 22, accuracy; Art. 34, correction).
 */
@Service
public class MemberImport {

    private static final int CHUNK = RegistryRows.CHUNK;

    private final RegistryRows registry;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    MemberImport(RegistryRows registry, Clock clock, AuditTrail audit) {
        this.registry = registry;
        this.jdbc = registry.jdbc();
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Imports the member file: inserts new members, updates the household of known ones, adds or
     * updates their eligibility periods. With bad rows nothing is written unless {@code skipBad}.
     *
     * @throws ImportRejectedException listing every bad row, when there are any and skipping is not allowed
     */
    @Transactional(timeout = 3600)
    public ImportReport importCsv(InputStream in, String source, Charset charset, boolean skipBad) {
        LocalDate today = SocietyTime.dateOf(clock.instant());
        MemberCsv.Parsed parsed = MemberCsv.read(in, source, charset, today);
        var problems = new ArrayList<>(parsed.problems());
        // the revision lock first: no other import changes the registry while this one checks against it
        long revision = registry.nextRevision();
        Map<MemberKey, RegistryRows.Registered> known = registry.registered(
                parsed.rows().stream().map(MemberRow::key).distinct().toList());
        var knownIds = known.values().stream().map(RegistryRows.Registered::id).toList();
        Map<Long, List<EligibilityPeriod>> knownPeriods = registry.periodsOf(knownIds);

        var fileStarts = new HashMap<MemberKey, Set<LocalDate>>();
        parsed.rows()
                .forEach(r -> fileStarts
                        .computeIfAbsent(r.key(), k -> new HashSet<>())
                        .add(r.period().acquiredOn()));
        List<MemberRow> rows = new ArrayList<>(parsed.rows().size());
        for (MemberRow row : parsed.rows()) {
            RegistryRows.Registered registered = known.get(row.key());
            List<String> otherPerson =
                    registered == null ? List.of() : registered.identity().differingFrom(row.identity());
            if (!otherPerson.isEmpty()) {
                otherPerson.forEach(field -> problems.add(new ImportProblem(
                        source, row.line(), field, identityProblem(field, row, registered.identity()))));
                continue;
            }
            // registered periods the file restates are replaced by the file's, so only the others can clash
            var kept = registered == null
                    ? List.<EligibilityPeriod>of()
                    : knownPeriods.getOrDefault(registered.id(), List.of()).stream()
                            .filter(p -> !fileStarts.get(row.key()).contains(p.acquiredOn()))
                            .toList();
            String problem = clash(row.period(), kept);
            if (problem != null) {
                problems.add(new ImportProblem(source, row.line(), "acquired_on", problem));
            } else {
                rows.add(row);
            }
        }
        rows = dependentsWithInsured(rows, source, problems);
        problems.sort(Comparator.comparingLong(ImportProblem::line));
        if (!problems.isEmpty() && !skipBad) {
            throw new ImportRejectedException(source, problems);
        }

        var members = new LinkedHashMap<MemberKey, MemberRow>();
        rows.forEach(r -> members.putIfAbsent(r.key(), r));
        var updates = members.values().stream()
                .filter(r -> known.containsKey(r.key()))
                .toList();
        var inserts = members.values().stream()
                .filter(r -> !known.containsKey(r.key()))
                .toList();
        // a known member's identity is left as registered (the file told the same person, perhaps
        // spelled in another width); insured_id is set again below for those who are (still)
        // dependents: a member now insured in their own right belongs to nobody's household
        jdbc.batchUpdate(
                "update member set kind = ?, insured_id = null, revision = ? where id = ?", updates, CHUNK, (ps, r) -> {
                    ps.setString(1, r.kind().name());
                    ps.setLong(2, revision);
                    ps.setLong(3, known.get(r.key()).id());
                });
        jdbc.batchUpdate("""
                insert into member (insurer_number, symbol, number, branch, kind, name_kanji, name_kana, sex,
                                    birth_date, revision) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, CHUNK, (ps, r) -> {
            ps.setString(1, r.insurerNumber());
            ps.setString(2, r.key().symbol());
            ps.setString(3, r.key().number());
            ps.setString(4, r.key().branch());
            ps.setString(5, r.kind().name());
            ps.setString(6, r.nameKanji());
            ps.setString(7, r.nameKana());
            ps.setInt(8, r.sex().code());
            ps.setObject(9, r.birthDate());
            ps.setLong(10, revision);
        });
        Map<MemberKey, Long> ids = new HashMap<>(known.size() * 2 + inserts.size() * 2);
        known.forEach((key, r) -> ids.put(key, r.id()));
        ids.putAll(registry.idsOf(inserts.stream().map(MemberRow::key).toList()));

        var periodUpdates = new ArrayList<MemberRow>();
        var periodInserts = new ArrayList<MemberRow>();
        for (MemberRow r : rows) {
            boolean exists = knownPeriods.getOrDefault(ids.get(r.key()), List.of()).stream()
                    .anyMatch(p -> p.acquiredOn().equals(r.period().acquiredOn()));
            (exists ? periodUpdates : periodInserts).add(r);
        }
        jdbc.batchUpdate(
                "update member_eligibility set lost_on = ? where member_id = ? and acquired_on = ?",
                periodUpdates,
                CHUNK,
                (ps, r) -> {
                    ps.setObject(1, r.period().lostOn().orElse(null), Types.DATE);
                    ps.setLong(2, ids.get(r.key()));
                    ps.setObject(3, r.period().acquiredOn());
                });
        jdbc.batchUpdate(
                "insert into member_eligibility (member_id, acquired_on, lost_on) values (?, ?, ?)",
                periodInserts,
                CHUNK,
                (ps, r) -> {
                    ps.setLong(1, ids.get(r.key()));
                    ps.setObject(2, r.period().acquiredOn());
                    ps.setObject(3, r.period().lostOn().orElse(null), Types.DATE);
                });
        var dependents =
                members.values().stream().filter(r -> r.insured().isPresent()).toList();
        Map<MemberKey, Long> insuredIds = registry.idsOf(
                dependents.stream().map(r -> r.insured().get()).distinct().toList());
        jdbc.batchUpdate("update member set insured_id = ? where id = ?", dependents, CHUNK, (ps, r) -> {
            ps.setLong(1, insuredIds.get(r.insured().get()));
            ps.setLong(2, ids.get(r.key()));
        });
        var skippedLines = problems.stream().map(ImportProblem::line).distinct().count();
        audit.record(AuditEvent.of(
                AuditAction.MEMBERS_IMPORTED,
                source + ": " + inserts.size() + " members added, " + updates.size() + " updated, " + skippedLines
                        + " bad rows skipped (registry revision " + revision + ")"));
        return new ImportReport(
                source,
                parsed.rowsRead(),
                inserts.size(),
                updates.size(),
                periodInserts.size(),
                periodUpdates.size(),
                (int) skippedLines,
                problems);
    }

    /**
     * Why a row that names a registered key with another identity is refused. The insurer numbers
     * are the society's, not a person's, and are shown; a name, sex or birth date is not repeated —
     * the problem may end up in a log or a ticket, and the registered value is one audited
     * {@code members show} away.
     */
    private static String identityProblem(String field, MemberRow row, PersonIdentity registered) {
        String correct =
                "; a changed identity is a correction, not an import: members correct " + row.key() + " … --reason …";
        if (field.equals("insurer_number")) {
            return "is " + row.insurerNumber() + " but member " + row.key() + " is registered under insurer "
                    + registered.insurerNumber()
                    + ": a key is unique only within its insurer, so this row names another "
                    + "insurer's member, whom the registry cannot hold under the same key" + correct;
        }
        return "differs from the registered member " + row.key() + " (values not shown; members show " + row.key()
                + " has the registered one)" + correct;
    }

    private static String clash(EligibilityPeriod period, List<EligibilityPeriod> existing) {
        for (EligibilityPeriod p : existing) {
            if (p.overlaps(period)) {
                return "the period from " + period.acquiredOn() + " overlaps the registered period from "
                        + p.acquiredOn() + p.lostOn().map(l -> " to " + l).orElse(" (still open)");
            }
        }
        return null;
    }

    /** Keeps a dependent only if their insured person is an insured member, in the file or registered. */
    private List<MemberRow> dependentsWithInsured(List<MemberRow> rows, String source, List<ImportProblem> problems) {
        var kindInFile = new HashMap<MemberKey, MemberKind>();
        rows.forEach(r -> kindInFile.put(r.key(), r.kind()));
        var wanted = rows.stream()
                .flatMap(r -> r.insured().stream())
                .filter(k -> !kindInFile.containsKey(k))
                .distinct()
                .toList();
        var registeredInsured = new HashMap<MemberKey, MemberKind>();
        registry.registered(wanted).forEach((key, r) -> registeredInsured.put(key, r.kind()));
        var kept = new ArrayList<MemberRow>(rows.size());
        for (MemberRow r : rows) {
            if (r.insured().isPresent()) {
                MemberKey insured = r.insured().get();
                MemberKind kind =
                        kindInFile.containsKey(insured) ? kindInFile.get(insured) : registeredInsured.get(insured);
                if (kind == null) {
                    problems.add(new ImportProblem(
                            source,
                            r.line(),
                            "insured_branch",
                            "the insured person " + insured + " is neither in the file nor in the registry"));
                    continue;
                }
                if (kind != MemberKind.INSURED) {
                    problems.add(new ImportProblem(
                            source, r.line(), "insured_branch", insured + " is a dependent, not an insured person"));
                    continue;
                }
            }
            kept.add(r);
        }
        return kept;
    }
}
