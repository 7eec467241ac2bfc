package jp.kenpo.privacy.consent;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.consent.ConsentTarget.OfCategory;
import jp.kenpo.privacy.consent.ConsentTarget.OfPurpose;
import jp.kenpo.privacy.members.LockedMember;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only consent ledger (ア)(イ)(ウ): the consent module's one way in, for recording events
 * and reading a member's. It owns the tables consent_event and consent_chain_head. Events are only
 * ever inserted; each carries the hash of the member's previous event, and the member's row lock
 * puts concurrent events for one member in a defined order. Events recorded at the same moment
 * share one transaction ({@link GroupCommit}). Reading the ledger's tail is {@link LedgerEvents}',
 * checking its chains {@link LedgerVerifier}'s.
 */
@Service
public class ConsentLedger implements DisposableBean {

    /** One group of events is a short transaction. */
    static final int WRITE_TIMEOUT_SECONDS = 10;
    /** No ledger transaction holds a sequence number longer than this (see {@link LedgerTail}). */
    static final int LONGEST_WRITE_SECONDS = 300;

    private static final int NOTE_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final MemberRegistry members;
    private final LedgerEvents events;
    private final CatalogService catalog;
    private final Clock clock;
    private final AuditTrail audit;
    private final GroupCommit groupCommit;
    /** A group's transaction, or one request's whose member was busy: short, with a time limit. */
    private final TransactionTemplate write;

    public ConsentLedger(
            JdbcTemplate jdbc,
            MemberRegistry members,
            LedgerEvents events,
            CatalogService catalog,
            Clock clock,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            @Value("${kenpo.consent.writer-threads:1}") int writerThreads) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.members = members;
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
        this.audit = audit;
        this.write = new TransactionTemplate(transactions);
        this.write.setTimeout(WRITE_TIMEOUT_SECONDS);
        this.groupCommit = new GroupCommit(write, group -> appendAll(group, true), writerThreads);
    }

    /**
     * Records one request as the member's next event and returns it once it is durable. Outside a
     * transaction the request joins the requests other callers make at the same moment in one
     * transaction ({@link GroupCommit}); inside the caller's transaction it is written there.
     *
     * @throws InvalidConsentRequestException naming the field that is wrong
     * @throws UnknownMemberException when no member has the key
     */
    public ConsentEvent record(ConsentRequest request, String recordedBy) {
        var submission = new GroupCommit.Submission(request, recordedBy, Actor.current());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return appendAll(List.of(submission), false).get(0).eventOrThrow();
        }
        // a member whose row another transaction holds (an import, say) would stall the whole
        // group: the group skips them, and their caller waits for the row in a transaction of its own
        return groupCommit
                .record(submission)
                .orElseGet(() -> write.execute(
                        status -> appendAll(List.of(submission), false).get(0).eventOrThrow()));
    }

    @Override
    public void destroy() {
        groupCommit.close();
    }

    /**
     * Records many requests in one transaction: all of them or, if one is refused, none. Members
     * are locked in member-id order, a chunk at a time.
     */
    @Transactional(timeout = LONGEST_WRITE_SECONDS)
    public List<ConsentEvent> recordAll(List<ConsentRequest> requests, String recordedBy) {
        Actor actor = Actor.current();
        var order = new ArrayList<>(requests);
        order.sort(Comparator.comparing(ConsentRequest::member));
        return appendAll(
                        order.stream()
                                .map(r -> new GroupCommit.Submission(r, recordedBy, actor))
                                .toList(),
                        false)
                .stream()
                .map(Appended::eventOrThrow)
                .toList();
    }

    /**
     * A submission's event; or why the ledger refused it; or, when neither is set, that its member
     * was locked by another transaction. In the last two cases nothing of it was written.
     */
    record Appended(ConsentEvent event, RuntimeException refusal) {
        static final Appended MEMBER_BUSY = new Appended(null, null);

        ConsentEvent eventOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return event;
        }
    }

    /**
     * Locks the submissions' members and appends each accepted submission to its member's chain,
     * in the order given, inside the caller's transaction: one statement locks the members, one
     * reads the heads of their chains, one batch inserts the events. A refused submission (unknown
     * member, invalid request) writes nothing and does not stop the others. With {@code skipBusy},
     * a submission whose member another transaction has locked is answered {@link Appended#MEMBER_BUSY}
     * instead of waiting.
     */
    List<Appended> appendAll(List<GroupCommit.Submission> submissions, boolean skipBusy) {
        List<MemberKey> keys =
                submissions.stream().map(s -> s.request().member()).toList();
        Map<MemberKey, LockedMember> locked = members.lockAll(keys, skipBusy);
        var busy = new HashSet<MemberKey>();
        if (skipBusy && locked.size() < keys.stream().distinct().count()) {
            keys.stream()
                    .distinct()
                    .filter(k -> !locked.containsKey(k) && members.find(k).isPresent())
                    .forEach(busy::add);
        }
        var outcomes = new Appended[submissions.size()];
        var accepted = new ArrayList<Integer>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            ConsentRequest r = submissions.get(i).request();
            LockedMember m = locked.get(r.member());
            if (busy.contains(r.member())) {
                outcomes[i] = Appended.MEMBER_BUSY;
                continue;
            }
            try {
                if (m == null) {
                    throw new UnknownMemberException(r.member());
                }
                check(r, m);
                accepted.add(i);
            } catch (InvalidConsentRequestException | UnknownMemberException refused) {
                outcomes[i] = new Appended(null, refused);
            }
        }
        if (!accepted.isEmpty()) {
            Map<Long, ChainHead> before = heads(accepted.stream()
                    .map(i -> locked.get(submissions.get(i).request().member()).id())
                    .distinct()
                    .toList());
            var heads = new HashMap<>(before);
            var rows = new ArrayList<ConsentEvent>(accepted.size());
            for (int i : accepted) {
                GroupCommit.Submission s = submissions.get(i);
                ConsentRequest r = s.request();
                long memberId = locked.get(r.member()).id();
                ChainHead head = heads.getOrDefault(memberId, ChainHead.EMPTY);
                int memberSeq = head.memberSeq() + 1;
                Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                String hash = EventHash.of(
                        memberId,
                        r.member(),
                        memberSeq,
                        r.action(),
                        r.target(),
                        r.receivedOn(),
                        r.channel(),
                        r.filedBy(),
                        s.recordedBy(),
                        recordedAt,
                        r.note().orElse(null),
                        head.hash());
                heads.put(memberId, new ChainHead(memberSeq, hash));
                rows.add(new ConsentEvent(
                        0,
                        memberId,
                        r.member(),
                        memberSeq,
                        r.action(),
                        r.target(),
                        r.receivedOn(),
                        r.channel(),
                        r.filedBy(),
                        s.recordedBy(),
                        recordedAt,
                        r.note(),
                        head.hash(),
                        hash));
            }
            long[] seqs = insert(rows);
            moveHeads(before, heads);
            for (int j = 0; j < rows.size(); j++) {
                ConsentEvent e = withSeq(rows.get(j), seqs[j]);
                var recorded = AuditEvent.of(
                                AuditAction.CONSENT_RECORDED,
                                e.action() + " " + e.target() + " received " + e.receivedOn() + " via " + e.channel()
                                        + ", filed by " + e.filedBy() + " (ledger seq " + e.seq() + ")")
                        .member(e.member())
                        .by(submissions.get(accepted.get(j)).actor());
                audit.record(e.target() instanceof OfPurpose p ? recorded.purpose(p.code()) : recorded);
                outcomes[accepted.get(j)] = new Appended(e, null);
            }
        }
        return List.of(outcomes);
    }

    private void check(ConsentRequest r, LockedMember member) {
        if (r.target() instanceof OfPurpose p && !catalog.knows(p.code())) {
            throw new InvalidConsentRequestException("purpose", "no published catalog version has purpose " + p.code());
        }
        if (r.target() instanceof OfCategory c && !catalog.knowsCategory(c.number())) {
            throw new InvalidConsentRequestException(
                    "category", "no published catalog version has category " + c.number());
        }
        LocalDate today = SocietyTime.dateOf(clock.instant());
        if (r.receivedOn().isAfter(today)) {
            throw new InvalidConsentRequestException(
                    "receivedOn", "the received date " + r.receivedOn() + " is in the future (today is " + today + ")");
        }
        // a request takes effect from its received date (ウ): one dated before the notice existed
        // would rewrite states no one could have asked for
        var noticeSince = catalog.firstInForce();
        if (noticeSince.isPresent() && r.receivedOn().isBefore(noticeSince.get())) {
            throw new InvalidConsentRequestException(
                    "receivedOn",
                    "the received date " + r.receivedOn() + " is before the notice took effect on "
                            + noticeSince.get());
        }
        if (r.filedBy() == Filer.INSURED_PERSON && member.kind() != MemberKind.DEPENDENT) {
            throw new InvalidConsentRequestException(
                    "filedBy",
                    member.key() + " is an insured person: "
                            + "only a dependent's request is filed by the insured person");
        }
        if (r.note().map(n -> n.length() > NOTE_MAX).orElse(false)) {
            throw new InvalidConsentRequestException("note", "the note is longer than " + NOTE_MAX + " characters");
        }
    }

    /**
     * The heads of the members' chains, read from their last events; the members are locked, so
     * no one appends meanwhile. (Read from consent_chain_head instead, a young table's cached
     * generic plan was a sequential scan per group: 40 % of the ledger's throughput.)
     */
    private Map<Long, ChainHead> heads(List<Long> memberIds) {
        var heads = new HashMap<Long, ChainHead>(memberIds.size() * 2);
        for (int from = 0; from < memberIds.size(); from += LedgerEvents.PAGE) {
            var chunk = memberIds.subList(from, Math.min(memberIds.size(), from + LedgerEvents.PAGE));
            named.query("""
                    select e.member_id, e.member_seq, e.hash from consent_event e
                     where e.member_id in (:ids)
                       and e.member_seq = (select max(l.member_seq) from consent_event l where l.member_id = e.member_id)""", Map.of("ids", chunk), rs -> {
                heads.put(rs.getLong(1), new ChainHead(rs.getInt(2), rs.getString(3)));
            });
        }
        return heads;
    }

    /** Moves the heads of the chains that grew (from {@code before}) to their last new events. */
    private void moveHeads(Map<Long, ChainHead> before, Map<Long, ChainHead> after) {
        var moved = new ArrayList<Object[]>();
        var started = new ArrayList<Object[]>();
        after.forEach((memberId, head) -> {
            ChainHead old = before.get(memberId);
            if (old == null) {
                started.add(new Object[] {memberId, head.memberSeq(), head.hash()});
            } else if (old.memberSeq() != head.memberSeq()) {
                moved.add(new Object[] {head.memberSeq(), head.hash(), memberId, old.memberSeq()});
            }
        });
        if (!started.isEmpty()) {
            jdbc.batchUpdate("insert into consent_chain_head (member_id, member_seq, hash) values (?, ?, ?)", started);
        }
        if (!moved.isEmpty()) {
            int[] counts = jdbc.batchUpdate(
                    "update consent_chain_head set member_seq = ?, hash = ? where member_id = ? and member_seq = ?",
                    moved);
            for (int i = 0; i < counts.length; i++) {
                // JDBC drivers may answer SUCCESS_NO_INFO (-2) for a batched statement
                if (counts[i] == 0) {
                    throw new IllegalStateException("the consent chain head of member #" + moved.get(i)[2]
                            + " does not name the member's last event: nothing recorded; run ./kenpo ledger verify");
                }
            }
        }
    }

    /** Inserts the events in one batch and answers their ledger sequence numbers, in order. */
    private long[] insert(List<ConsentEvent> rows) {
        var keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(
                con -> con.prepareStatement("""
                insert into consent_event (member_id, member_seq, kind, purpose_code, category, received_on,
                    channel, filed_by, recorded_by, recorded_at, note, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"seq"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ConsentEvent e = rows.get(i);
                        ps.setLong(1, e.memberId());
                        ps.setInt(2, e.memberSeq());
                        ps.setString(3, e.action().name());
                        if (e.target() instanceof OfPurpose p) {
                            ps.setString(4, p.code().toString());
                            ps.setNull(5, Types.SMALLINT);
                        } else {
                            ps.setNull(4, Types.VARCHAR);
                            ps.setInt(5, ((OfCategory) e.target()).number());
                        }
                        ps.setObject(6, e.receivedOn());
                        ps.setString(7, e.channel().name());
                        ps.setString(8, e.filedBy().name());
                        ps.setString(9, e.recordedBy());
                        ps.setObject(10, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
                        ps.setString(11, e.note().orElse(null));
                        ps.setString(12, e.prevHash());
                        ps.setString(13, e.hash());
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                },
                keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException(
                    "the database answered " + generated.size() + " ledger numbers for " + rows.size() + " events");
        }
        long[] seqs = new long[rows.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = ((Number) generated.get(i).values().iterator().next()).longValue();
        }
        return seqs;
    }

    private static ConsentEvent withSeq(ConsentEvent e, long seq) {
        return new ConsentEvent(
                seq,
                e.memberId(),
                e.member(),
                e.memberSeq(),
                e.action(),
                e.target(),
                e.receivedOn(),
                e.channel(),
                e.filedBy(),
                e.recordedBy(),
                e.recordedAt(),
                e.note(),
                e.prevHash(),
                e.hash());
    }

    /**
     * The member's state on every purpose of the notice in force at {@code at}, counting only the
     * events recorded by {@code knownAt} (absent: all).
     */
    @Transactional
    public ConsentStatus status(MemberKey key, Instant at, Optional<Instant> knownAt) {
        Catalog current = catalog.catalog();
        var version = current.inForceAt(at)
                .orElseThrow(() ->
                        new IllegalArgumentException("no catalog version was in force at " + SocietyTime.format(at)));
        List<ConsentEvent> events = events(key);
        ConsentHistory history = ConsentHistory.of(events);
        LocalDate day = SocietyTime.dateOf(at);
        var standings = version.purposesInForceOn(day).stream()
                .map(p -> new PurposeStanding(
                        p,
                        history.stateOf(
                                p.code(),
                                day,
                                knownAt.orElse(Instant.MAX),
                                current.firstPublished(p.code()).orElseThrow())))
                .toList();
        audit.record(AuditEvent.of(
                        AuditAction.CONSENT_READ,
                        "consent state at " + SocietyTime.format(at)
                                + knownAt.map(k -> " as known at " + SocietyTime.format(k))
                                        .orElse(""))
                .member(key));
        return new ConsentStatus(key, at, knownAt, version.version(), standings, events);
    }

    /** The member's events in the order they were recorded. */
    @Transactional
    public List<ConsentEvent> history(MemberKey key) {
        List<ConsentEvent> events = events(key);
        audit.record(AuditEvent.of(AuditAction.CONSENT_READ, "consent history, " + events.size() + " events")
                .member(key));
        return events;
    }

    private List<ConsentEvent> events(MemberKey key) {
        Member member = members.require(key);
        return events.ofMember(member.id(), member.key());
    }
}
