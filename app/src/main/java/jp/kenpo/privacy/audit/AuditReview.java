package jp.kenpo.privacy.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What auditors do with the trail: search it, verify its chains, take and check digests. Each of
 * these is itself recorded in the trail.
 */
@Service
public class AuditReview {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate snapshot;
    private final AuditTrail trail;
    private final Clock clock;

    public AuditReview(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.trail = trail;
        this.clock = clock;
    }

    /** A page of the entries that match, oldest first. */
    @Transactional
    public AuditPage search(AuditQuery q) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        q.member().ifPresent(m -> {
            where.add("exists (select 1 from audit_entry_member m where m.member_key = :member"
                    + " and m.chain = e.chain and m.chain_seq = e.chain_seq)");
            params.put("member", m);
        });
        q.actor().ifPresent(a -> {
            where.add("e.actor = :actor");
            params.put("actor", a);
        });
        q.action().ifPresent(a -> {
            where.add("e.action = :action");
            params.put("action", a.name());
        });
        q.from().ifPresent(f -> {
            where.add("e.recorded_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(f, ZoneOffset.UTC));
        });
        q.to().ifPresent(t -> {
            where.add("e.recorded_at < :to");
            params.put("to", OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        });
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = named.queryForObject("select count(*) from audit_entry e" + filter, params, Long.class);
        params.put("offset", q.offset());
        params.put("limit", q.limit());
        List<AuditEntry> entries = named.query(
                SELECT_ENTRY + filter + " order by e.seq offset :offset rows fetch next :limit rows only",
                params,
                (rs, n) -> entry(rs));
        var searched =
                AuditEvent.of(AuditAction.AUDIT_SEARCHED, q.describe() + " -> " + entries.size() + " of " + total);
        trail.record(q.member().map(searched::member).orElse(searched));
        return new AuditPage(entries, q.offset(), q.limit(), total);
    }

    /**
     * Recomputes every chain: each entry's hash from its fields, each link to its predecessor,
     * no gaps, each chain ending where its head says; with a digest, also that every head it
     * lists is still in the trail with the same hash. The check reads one snapshot of the trail
     * (repeatable read), so entries committed meanwhile are neither half-seen nor reported as breaks.
     */
    public AuditVerification verify(Optional<AuditDigest> digest) {
        AuditVerification result = snapshot.execute(status -> {
            var checker = new ChainVerifier(ChainedAuditTrail.CHAINS);
            streaming.query(SELECT_ENTRY + " order by e.chain, e.chain_seq", rs -> {
                checker.accept(entry(rs));
            });
            checker.checkEnds(heads());
            digest.ifPresent(d -> checker.checkDigest(d, this::hashAt));
            checker.checkMemberIndex(jdbc.queryForObject("select count(*) from audit_entry_member", Long.class));
            return checker.result();
        });
        trail.record(AuditEvent.of(
                        AuditAction.AUDIT_VERIFIED,
                        (result.intact() ? "intact: " : "BROKEN: ")
                                + result.entriesChecked() + " entries"
                                + digest.map(d -> ", against the digest taken " + d.takenAt())
                                        .orElse("")
                                + result.firstBroken()
                                        .map(b -> "; first broken: " + b)
                                        .orElse(""))
                .outcome(result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED));
        return result;
    }

    /** The chain heads now, to be kept outside the database. */
    @Transactional
    public AuditDigest digest() {
        AuditDigest d = AuditDigest.of(clock.instant(), heads());
        trail.record(AuditEvent.of(AuditAction.AUDIT_DIGEST_EXPORTED, "digest " + d.digest()));
        return d;
    }

    private List<AuditDigest.Head> heads() {
        return jdbc.query(
                "select chain, chain_seq, hash from audit_chain_head order by chain",
                (rs, n) -> new AuditDigest.Head(rs.getInt(1), rs.getLong(2), rs.getString(3)));
    }

    private Optional<String> hashAt(int chain, long chainSeq) {
        return jdbc
                .query(
                        "select hash from audit_entry where chain = ? and chain_seq = ?",
                        (rs, n) -> rs.getString(1),
                        chain,
                        chainSeq)
                .stream()
                .findFirst();
    }

    private static final String SELECT_ENTRY = """
            select e.seq, e.chain, e.chain_seq, e.recorded_at, e.actor, e.actor_role, e.source, e.action, e.outcome,
                   e.purpose_code, e.members, e.detail, e.prev_hash, e.hash
              from audit_entry e""";

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String members = rs.getString(11);
        return new AuditEntry(
                rs.getLong(1),
                rs.getInt(2),
                rs.getLong(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                AuditAction.valueOf(rs.getString(8)),
                AuditOutcome.valueOf(rs.getString(9)),
                Optional.ofNullable(rs.getString(10)),
                members.isEmpty() ? List.of() : List.of(members.split(",")),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14));
    }
}
