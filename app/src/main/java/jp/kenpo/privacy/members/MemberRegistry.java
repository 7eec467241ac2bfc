package jp.kenpo.privacy.members;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.shared.SocietyTime;

/**
 * The registry of insured persons and dependents: the members module's one way in. It owns the
 * tables member, member_eligibility and registry_revision.
 */
@Service
public class MemberRegistry {

    private static final int CHUNK = 500;
    private static final int FEW_KEYS = 50;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final AuditTrail audit;

    public MemberRegistry(JdbcTemplate jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Member> find(MemberKey key) {
        List<Member> found = jdbc.query(SELECT_MEMBER + " where m.symbol = ? and m.number = ? and m.branch = ?",
                (rs, n) -> member(rs), key.symbol(), key.number(), key.branch());
        return found.stream().findFirst().map(this::withEligibility);
    }

    @Transactional(readOnly = true)
    public Member require(MemberKey key) {
        return find(key).orElseThrow(() -> new UnknownMemberException(key));
    }

    /** Who the member is and when they were eligible, for one decision; empty when no member has the key. */
    @Transactional(readOnly = true)
    public Optional<MemberEligibility> eligibility(MemberKey key) {
        return find(key).map(m -> new MemberEligibility(m.id(), m.key(), m.eligibility()));
    }

    /** A person reads the member's personal data: audited (APPI Art. 23). */
    @Transactional
    public Member read(MemberKey key) {
        Member m = require(key);
        audit.record(AuditEvent.of(AuditAction.MEMBER_READ, "member record").member(key));
        return m;
    }

    /** The dependents who belong to an insured person. */
    @Transactional(readOnly = true)
    public List<Member> dependentsOf(MemberKey insured) {
        return jdbc.query(SELECT_MEMBER + " where i.symbol = ? and i.number = ? and i.branch = ? order by m.branch",
                (rs, n) -> member(rs), insured.symbol(), insured.number(), insured.branch())
                .stream().map(this::withEligibility).toList();
    }

    /** Members in key order, a page at a time; the page's members are named in the audit trail. */
    @Transactional
    public List<Member> page(int offset, int limit) {
        List<Member> page = jdbc.query(SELECT_MEMBER + " order by m.symbol, m.number, m.branch offset ? rows fetch next ? rows only",
                (rs, n) -> member(rs), offset, limit).stream().map(this::withEligibility).toList();
        audit.record(AuditEvent.of(AuditAction.MEMBERS_LISTED, "registry page offset " + offset + ", " + page.size()
                + " members").members(page.stream().map(Member::key).toList()));
        return page;
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.queryForObject("select count(*) from member", Long.class);
    }

    /**
     * Finds and locks many members at once, a chunk of keys a statement, each chunk locked in
     * member-id order (so two such callers never wait on each other in a cycle within a chunk).
     * Keys that name no member are absent from the answer; with {@code skipLocked}, so are members
     * whose row another transaction holds, instead of waiting for it.
     */
    @Transactional
    public Map<MemberKey, LockedMember> lockAll(Collection<MemberKey> keys, boolean skipLocked) {
        var distinct = List.copyOf(new TreeSet<>(keys));
        var locked = new HashMap<MemberKey, LockedMember>(distinct.size() * 2);
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<MemberKey> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            var sql = new StringBuilder("select id, kind, symbol, number, branch from member where (symbol, number, branch) in (");
            var args = new Object[chunk.size() * 3];
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
                args[3 * i] = chunk.get(i).symbol();
                args[3 * i + 1] = chunk.get(i).number();
                args[3 * i + 2] = chunk.get(i).branch();
            }
            sql.append(skipLocked ? ") order by id for update skip locked" : ") order by id for update");
            jdbc.query(sql.toString(), rs -> {
                var key = new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5));
                locked.put(key, new LockedMember(rs.getLong(1), key, MemberKind.valueOf(rs.getString(2))));
            }, args);
        }
        return locked;
    }

    /** The latest registry revision: it grows with every committed change of the registry. */
    public long revision() {
        return jdbc.queryForObject("select revision from registry_revision where id = 1", Long.class);
    }

    /**
     * Streams who was eligible when, for every member changed after {@code sinceRevision}
     * (0: everyone), in member order.
     */
    @Transactional(readOnly = true)
    public void eligibilitySince(long sinceRevision, Consumer<MemberEligibility> sink) {
        var rows = new Object() {
            long id = -1;
            MemberKey key;
            List<EligibilityPeriod> periods = new ArrayList<>(2);
        };
        streaming.query("""
                select m.id, m.symbol, m.number, m.branch, e.acquired_on, e.lost_on
                  from member m left join member_eligibility e on e.member_id = m.id
                 where m.revision > ? order by m.id, e.acquired_on""", rs -> {
            long id = rs.getLong(1);
            if (id != rows.id) {
                if (rows.id >= 0) {
                    sink.accept(new MemberEligibility(rows.id, rows.key, rows.periods));
                }
                rows.id = id;
                rows.key = new MemberKey(rs.getString(2), rs.getString(3), rs.getString(4));
                rows.periods = new ArrayList<>(2);
            }
            if (rs.getObject(5) != null) {
                rows.periods.add(period(rs, 5));
            }
        }, sinceRevision);
        if (rows.id >= 0) {
            sink.accept(new MemberEligibility(rows.id, rows.key, rows.periods));
        }
    }

    /** Streams every member's identifiers, for linking records from outside to members. */
    @Transactional(readOnly = true)
    public void forEachIdentity(Consumer<MemberIdentity> sink) {
        streaming.query("select id, insurer_number, symbol, number, branch, sex, birth_date from member", rs -> {
            sink.accept(new MemberIdentity(rs.getLong(1), rs.getString(2),
                    new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5)), Sex.ofCode(rs.getInt(6)),
                    rs.getObject(7, LocalDate.class)));
        });
    }

    /**
     * Imports the member file: inserts new members, updates known ones by key, adds or updates
     * their eligibility periods. With bad rows nothing is written unless {@code skipBad}.
     *
     * @throws ImportRejectedException listing every bad row, when there are any and skipping is not allowed
     */
    @Transactional(timeout = 3600)
    public ImportReport importCsv(InputStream in, String source, Charset charset, boolean skipBad) {
        LocalDate today = SocietyTime.dateOf(clock.instant());
        MemberCsv.Parsed parsed = MemberCsv.read(in, source, charset, today);
        var problems = new ArrayList<>(parsed.problems());
        // the revision lock first: no other import changes the registry while this one checks against it
        long revision = nextRevision();
        Map<MemberKey, Long> known = idsOf(parsed.rows().stream().map(MemberRow::key).distinct().toList());
        Map<Long, List<EligibilityPeriod>> knownPeriods = periodsOf(known.values());

        var fileStarts = new HashMap<MemberKey, java.util.Set<LocalDate>>();
        parsed.rows().forEach(r -> fileStarts.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(r.period().acquiredOn()));
        List<MemberRow> rows = new ArrayList<>(parsed.rows().size());
        for (MemberRow row : parsed.rows()) {
            Long id = known.get(row.key());
            // registered periods the file restates are replaced by the file's, so only the others can clash
            var kept = id == null ? List.<EligibilityPeriod>of() : knownPeriods.getOrDefault(id, List.of()).stream()
                    .filter(p -> !fileStarts.get(row.key()).contains(p.acquiredOn())).toList();
            String problem = clash(row.period(), kept);
            if (problem != null) {
                problems.add(new ImportProblem(source, row.line(), "acquired_on", problem));
            } else {
                rows.add(row);
            }
        }
        rows = dependentsWithInsured(rows, source, problems);
        problems.sort(java.util.Comparator.comparingLong(ImportProblem::line));
        if (!problems.isEmpty() && !skipBad) {
            throw new ImportRejectedException(source, problems);
        }

        var members = new LinkedHashMap<MemberKey, MemberRow>();
        rows.forEach(r -> members.putIfAbsent(r.key(), r));
        var updates = members.values().stream().filter(r -> known.containsKey(r.key())).toList();
        var inserts = members.values().stream().filter(r -> !known.containsKey(r.key())).toList();
        jdbc.batchUpdate("""
                update member set insurer_number = ?, kind = ?, insured_id = null, name_kanji = ?, name_kana = ?, sex = ?,
                       birth_date = ?, revision = ? where id = ?""", updates, CHUNK, (ps, r) -> {
            // insured_id is set again below for those who are (still) dependents: a member now
            // insured in their own right belongs to nobody's household
            ps.setString(1, r.insurerNumber());
            ps.setString(2, r.kind().name());
            ps.setString(3, r.nameKanji());
            ps.setString(4, r.nameKana());
            ps.setInt(5, r.sex().code());
            ps.setObject(6, r.birthDate());
            ps.setLong(7, revision);
            ps.setLong(8, known.get(r.key()));
        });
        jdbc.batchUpdate("""
                insert into member (insurer_number, symbol, number, branch, kind, name_kanji, name_kana, sex,
                                    birth_date, revision) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, CHUNK,
                (ps, r) -> {
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
        Map<MemberKey, Long> ids = new HashMap<>(known);
        ids.putAll(idsOf(inserts.stream().map(MemberRow::key).toList()));

        var periodUpdates = new ArrayList<MemberRow>();
        var periodInserts = new ArrayList<MemberRow>();
        for (MemberRow r : rows) {
            boolean exists = knownPeriods.getOrDefault(ids.get(r.key()), List.of()).stream()
                    .anyMatch(p -> p.acquiredOn().equals(r.period().acquiredOn()));
            (exists ? periodUpdates : periodInserts).add(r);
        }
        jdbc.batchUpdate("update member_eligibility set lost_on = ? where member_id = ? and acquired_on = ?",
                periodUpdates, CHUNK, (ps, r) -> {
                    ps.setObject(1, r.period().lostOn().orElse(null), Types.DATE);
                    ps.setLong(2, ids.get(r.key()));
                    ps.setObject(3, r.period().acquiredOn());
                });
        jdbc.batchUpdate("insert into member_eligibility (member_id, acquired_on, lost_on) values (?, ?, ?)",
                periodInserts, CHUNK, (ps, r) -> {
                    ps.setLong(1, ids.get(r.key()));
                    ps.setObject(2, r.period().acquiredOn());
                    ps.setObject(3, r.period().lostOn().orElse(null), Types.DATE);
                });
        var dependents = members.values().stream().filter(r -> r.insured().isPresent()).toList();
        Map<MemberKey, Long> insuredIds = idsOf(dependents.stream().map(r -> r.insured().get()).distinct().toList());
        jdbc.batchUpdate("update member set insured_id = ? where id = ?", dependents, CHUNK, (ps, r) -> {
            ps.setLong(1, insuredIds.get(r.insured().get()));
            ps.setLong(2, ids.get(r.key()));
        });
        var skippedLines = problems.stream().map(ImportProblem::line).distinct().count();
        audit.record(AuditEvent.of(AuditAction.MEMBERS_IMPORTED, source + ": " + inserts.size() + " members added, "
                + updates.size() + " updated, " + skippedLines + " bad rows skipped (registry revision " + revision + ")"));
        return new ImportReport(source, parsed.rowsRead(), inserts.size(), updates.size(), periodInserts.size(),
                periodUpdates.size(), (int) skippedLines, problems);
    }

    /** Takes the registry's revision lock for this transaction and returns the new revision. */
    private long nextRevision() {
        jdbc.update("update registry_revision set revision = revision + 1 where id = 1");
        return revision();
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
        var wanted = rows.stream().flatMap(r -> r.insured().stream()).filter(k -> !kindInFile.containsKey(k))
                .distinct().toList();
        var registeredInsured = new HashMap<MemberKey, MemberKind>();
        forKeys(wanted, (key, rs) -> registeredInsured.put(key, MemberKind.valueOf(rs.getString(2))));
        var kept = new ArrayList<MemberRow>(rows.size());
        for (MemberRow r : rows) {
            if (r.insured().isPresent()) {
                MemberKey insured = r.insured().get();
                MemberKind kind = kindInFile.containsKey(insured) ? kindInFile.get(insured) : registeredInsured.get(insured);
                if (kind == null) {
                    problems.add(new ImportProblem(source, r.line(), "insured_branch", "the insured person " + insured
                            + " is neither in the file nor in the registry"));
                    continue;
                }
                if (kind != MemberKind.INSURED) {
                    problems.add(new ImportProblem(source, r.line(), "insured_branch", insured
                            + " is a dependent, not an insured person"));
                    continue;
                }
            }
            kept.add(r);
        }
        return kept;
    }

    /** The registry ids of the members with these keys; keys no member has are left out. */
    @Transactional(readOnly = true)
    public Map<MemberKey, Long> ids(List<MemberKey> keys) {
        return idsOf(keys);
    }

    private Map<MemberKey, Long> idsOf(List<MemberKey> keys) {
        var ids = new HashMap<MemberKey, Long>(keys.size() * 2);
        forKeys(keys, (key, rs) -> ids.put(key, rs.getLong(1)));
        return ids;
    }

    private interface KeyRow {
        void accept(MemberKey key, ResultSet rs) throws SQLException;
    }

    /** Few keys: one query naming them. Many: one pass over the registry, because long lists of key
     *  tuples are planned as sequential scans on PostgreSQL, one per list. Columns: id, kind. */
    private void forKeys(List<MemberKey> keys, KeyRow row) {
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() <= FEW_KEYS) {
            named.query("select id, kind, symbol, number, branch from member where " + keyIn(keys), keyParams(keys),
                    rs -> {
                        row.accept(new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5)), rs);
                    });
            return;
        }
        var wanted = new java.util.HashSet<>(keys);
        streaming.query("select id, kind, symbol, number, branch from member", rs -> {
            var key = new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5));
            if (wanted.contains(key)) {
                row.accept(key, rs);
            }
        });
    }

    private Map<Long, List<EligibilityPeriod>> periodsOf(java.util.Collection<Long> memberIds) {
        var periods = new HashMap<Long, List<EligibilityPeriod>>();
        if (memberIds.size() > 10 * CHUNK) {
            var wanted = new java.util.HashSet<>(memberIds);
            streaming.query("select member_id, acquired_on, lost_on from member_eligibility", rs -> {
                if (wanted.contains(rs.getLong(1))) {
                    periods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(period(rs, 2));
                }
            });
            return periods;
        }
        var idList = new ArrayList<>(memberIds);
        for (int i = 0; i < idList.size(); i += CHUNK) {
            var chunk = idList.subList(i, Math.min(idList.size(), i + CHUNK));
            named.query("select member_id, acquired_on, lost_on from member_eligibility where member_id in (:ids)",
                    Map.of("ids", chunk), rs -> {
                        periods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(period(rs, 2));
                    });
        }
        return periods;
    }

    private static String keyIn(List<MemberKey> keys) {
        var sb = new StringBuilder("(symbol, number, branch) in (");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :n").append(i).append(", :b").append(i).append(')');
        }
        return sb.append(')').toString();
    }

    private static Map<String, Object> keyParams(List<MemberKey> keys) {
        var params = new HashMap<String, Object>();
        for (int i = 0; i < keys.size(); i++) {
            params.put("s" + i, keys.get(i).symbol());
            params.put("n" + i, keys.get(i).number());
            params.put("b" + i, keys.get(i).branch());
        }
        return params;
    }

    private static final String SELECT_MEMBER = """
            select m.id, m.insurer_number, m.symbol, m.number, m.branch, m.kind, i.symbol, i.number, i.branch,
                   m.name_kanji, m.name_kana, m.sex, m.birth_date
              from member m left join member i on i.id = m.insured_id""";

    private static Member member(ResultSet rs) throws SQLException {
        Optional<MemberKey> insured = rs.getString(7) == null ? Optional.empty()
                : Optional.of(new MemberKey(rs.getString(7), rs.getString(8), rs.getString(9)));
        return new Member(rs.getLong(1), rs.getString(2), new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5)),
                MemberKind.valueOf(rs.getString(6)), insured, rs.getString(10), rs.getString(11),
                Sex.ofCode(rs.getInt(12)), rs.getObject(13, LocalDate.class), List.of());
    }

    private Member withEligibility(Member m) {
        List<EligibilityPeriod> periods = jdbc.query(
                "select acquired_on, lost_on from member_eligibility where member_id = ? order by acquired_on",
                (rs, n) -> period(rs, 1), m.id());
        return new Member(m.id(), m.insurerNumber(), m.key(), m.kind(), m.insured(), m.nameKanji(), m.nameKana(),
                m.sex(), m.birthDate(), periods);
    }

    private static EligibilityPeriod period(ResultSet rs, int column) throws SQLException {
        return new EligibilityPeriod(rs.getObject(column, LocalDate.class),
                Optional.ofNullable(rs.getObject(column + 1, LocalDate.class)));
    }
}
