package jp.kenpo.privacy.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of insured persons and dependents as the other modules read it. The members module
 * owns the tables member, member_eligibility, member_correction and registry_revision; it writes
 * them through {@link MemberImport} (the member file) and {@link MemberCorrections} (a person's
 * identity corrected).
 */
@Service
public class MemberRegistry {

    private static final int CHUNK = RegistryRows.CHUNK;

    private final RegistryRows tables;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final AuditTrail audit;

    MemberRegistry(RegistryRows tables, AuditTrail audit) {
        this.tables = tables;
        this.jdbc = tables.jdbc();
        this.streaming = tables.streaming();
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Member> find(MemberKey key) {
        List<Member> found = jdbc.query(
                SELECT_MEMBER + " where m.symbol = ? and m.number = ? and m.branch = ?",
                (rs, n) -> member(rs),
                key.symbol(),
                key.number(),
                key.branch());
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
        return jdbc
                .query(
                        SELECT_MEMBER + " where i.symbol = ? and i.number = ? and i.branch = ? order by m.branch",
                        (rs, n) -> member(rs),
                        insured.symbol(),
                        insured.number(),
                        insured.branch())
                .stream()
                .map(this::withEligibility)
                .toList();
    }

    /** Members in key order, a page at a time; the page's members are named in the audit trail. */
    @Transactional
    public List<Member> page(int offset, int limit) {
        List<Member> page = jdbc
                .query(
                        SELECT_MEMBER + " order by m.symbol, m.number, m.branch offset ? rows fetch next ? rows only",
                        (rs, n) -> member(rs),
                        offset,
                        limit)
                .stream()
                .map(this::withEligibility)
                .toList();
        audit.record(AuditEvent.of(
                        AuditAction.MEMBERS_LISTED, "registry page offset " + offset + ", " + page.size() + " members")
                .members(page.stream().map(Member::key).toList()));
        return page;
    }

    /**
     * The members a search finds, in key order, the first {@code limit} after {@code after} (keyset
     * paging: as fast on the last page of a million members as on the first). The members shown are
     * named in the audit trail, as for {@link #page}.
     */
    @Transactional
    public List<Member> search(MemberSearch search, Optional<MemberKey> after, int limit) {
        var where = new java.util.ArrayList<String>();
        var args = new java.util.ArrayList<Object>();
        search.kanaPrefix().ifPresent(k -> {
            // the フリガナ as read (V27: NFKC, so a half-width spelling is found by a full-width prefix)
            where.add("m.name_kana_search like ? escape '\\'");
            args.add(likePrefix(k));
        });
        search.namePrefix().ifPresent(n -> {
            where.add("m.name_kanji like ? escape '\\'");
            args.add(likePrefix(n));
        });
        search.birthDate().ifPresent(d -> {
            where.add("m.birth_date = ?");
            args.add(d);
        });
        after.ifPresent(k -> {
            where.add("(m.symbol, m.number, m.branch) > (?, ?, ?)");
            args.addAll(List.of(k.symbol(), k.number(), k.branch()));
        });
        args.add(limit);
        List<Member> found = withEligibility(jdbc.query(
                SELECT_MEMBER + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by m.symbol, m.number, m.branch fetch first ? rows only",
                (rs, n) -> member(rs),
                args.toArray()));
        audit.record(AuditEvent.of(AuditAction.MEMBERS_LISTED, "member search, " + found.size() + " members")
                .members(found.stream().map(Member::key).toList()));
        return found;
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
            var sql = new StringBuilder(
                    "select id, kind, symbol, number, branch from member where (symbol, number, branch) in (");
            var args = new Object[chunk.size() * 3];
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
                args[3 * i] = chunk.get(i).symbol();
                args[3 * i + 1] = chunk.get(i).number();
                args[3 * i + 2] = chunk.get(i).branch();
            }
            sql.append(skipLocked ? ") order by id for update skip locked" : ") order by id for update");
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        var key = new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5));
                        locked.put(key, new LockedMember(rs.getLong(1), key, MemberKind.valueOf(rs.getString(2))));
                    },
                    args);
        }
        return locked;
    }

    /** The latest registry revision: it grows with every committed change of the registry. */
    public long revision() {
        return tables.revision();
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
        streaming.query(
                """
                select m.id, m.symbol, m.number, m.branch, e.acquired_on, e.lost_on
                  from member m left join member_eligibility e on e.member_id = m.id
                 where m.revision > ? order by m.id, e.acquired_on""",
                rs -> {
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
                },
                sinceRevision);
        if (rows.id >= 0) {
            sink.accept(new MemberEligibility(rows.id, rows.key, rows.periods));
        }
    }

    /**
     * Streams every member with their eligibility periods, in registry order: for a module that
     * processes the whole population (an anonymized release) and must know who each member is.
     */
    @Transactional(readOnly = true)
    public void forEachMember(Consumer<Member> sink) {
        var periods = new HashMap<Long, List<EligibilityPeriod>>();
        streaming.query(
                "select member_id, acquired_on, lost_on from member_eligibility order by member_id, acquired_on",
                rs -> {
                    periods.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(2))
                            .add(period(rs, 2));
                });
        streaming.query(SELECT_MEMBER + " order by m.id", rs -> {
            Member m = member(rs);
            sink.accept(m.withEligibility(periods.getOrDefault(m.id(), List.of())));
        });
    }

    /** Streams every member's identifiers, for linking records from outside to members. */
    @Transactional(readOnly = true)
    public void forEachIdentity(Consumer<MemberIdentity> sink) {
        streaming.query("select id, insurer_number, symbol, number, branch, sex, birth_date from member", rs -> {
            sink.accept(new MemberIdentity(
                    rs.getLong(1),
                    rs.getString(2),
                    new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5)),
                    Sex.ofCode(rs.getInt(6)),
                    rs.getObject(7, LocalDate.class)));
        });
    }

    /**
     * The keys of the members with these registry ids; ids no member has are left out. For the
     * modules that keep a member's id in tables of their own and may not read the registry's.
     */
    @Transactional(readOnly = true)
    public Map<Long, MemberKey> keysOf(Collection<Long> memberIds) {
        var keys = new HashMap<Long, MemberKey>(memberIds.size() * 2);
        if (memberIds.isEmpty()) {
            return keys;
        }
        // one array parameter: one statement (and one plan) whatever the number of ids
        Long[] ids = memberIds.stream().distinct().toArray(Long[]::new);
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("select id, symbol, number, branch from member where id = any(?)");
                    ps.setArray(1, con.createArrayOf("bigint", ids));
                    return ps;
                },
                rs -> {
                    keys.put(rs.getLong(1), new MemberKey(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return keys;
    }

    /** The registry ids of the members with these keys; keys no member has are left out. */
    @Transactional(readOnly = true)
    public Map<MemberKey, Long> ids(List<MemberKey> keys) {
        return tables.idsOf(keys);
    }

    private static final String SELECT_MEMBER = """
            select m.id, m.insurer_number, m.symbol, m.number, m.branch, m.kind, i.symbol, i.number, i.branch,
                   m.name_kanji, m.name_kana, m.sex, m.birth_date
              from member m left join member i on i.id = m.insured_id""";

    private static Member member(ResultSet rs) throws SQLException {
        Optional<MemberKey> insured = rs.getString(7) == null
                ? Optional.empty()
                : Optional.of(new MemberKey(rs.getString(7), rs.getString(8), rs.getString(9)));
        return new Member(
                rs.getLong(1),
                rs.getString(2),
                new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5)),
                MemberKind.valueOf(rs.getString(6)),
                insured,
                rs.getString(10),
                rs.getString(11),
                Sex.ofCode(rs.getInt(12)),
                rs.getObject(13, LocalDate.class),
                List.of());
    }

    /** The periods of a page of members in one query, not one per member. */
    private List<Member> withEligibility(List<Member> page) {
        if (page.isEmpty()) {
            return page;
        }
        var periods = new java.util.HashMap<Long, List<EligibilityPeriod>>();
        jdbc.query(
                "select member_id, acquired_on, lost_on from member_eligibility where member_id in ("
                        + String.join(",", java.util.Collections.nCopies(page.size(), "?"))
                        + ") order by member_id, acquired_on",
                rs -> {
                    periods.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(period(rs, 2));
                },
                page.stream().map(Member::id).toArray());
        return page.stream()
                .map(m -> m.withEligibility(periods.getOrDefault(m.id(), List.of())))
                .toList();
    }

    private Member withEligibility(Member m) {
        List<EligibilityPeriod> periods = jdbc.query(
                "select acquired_on, lost_on from member_eligibility where member_id = ? order by acquired_on",
                (rs, n) -> period(rs, 1),
                m.id());
        return m.withEligibility(periods);
    }

    private static EligibilityPeriod period(ResultSet rs, int column) throws SQLException {
        return RegistryRows.period(rs, column);
    }
}
