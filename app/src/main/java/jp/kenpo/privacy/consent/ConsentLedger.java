package jp.kenpo.privacy.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
import jp.kenpo.privacy.shared.SocietyTime;

/**
 * The append-only consent ledger (ア)(イ)(ウ): the consent module's one way in. It owns the table
 * consent_event. Events are only ever inserted; each carries the hash of the member's previous
 * event, and the member's row lock puts concurrent events for one member in a defined order.
 */
@Service
public class ConsentLedger {

    /** One event is a short transaction. */
    static final int WRITE_TIMEOUT_SECONDS = 10;
    /** No ledger transaction holds a sequence number longer than this (see {@link LedgerTail}). */
    static final int LONGEST_WRITE_SECONDS = 300;
    private static final int NOTE_MAX = 2000;
    private static final int TAIL_PAGE = 10_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate streamingNamed;
    private final MemberRegistry members;
    private final CatalogService catalog;
    private final Clock clock;
    private final AuditTrail audit;

    public ConsentLedger(JdbcTemplate jdbc, MemberRegistry members, CatalogService catalog, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.streamingNamed = new NamedParameterJdbcTemplate(streaming);
        this.members = members;
        this.catalog = catalog;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Records one request as the member's next event.
     *
     * @throws InvalidConsentRequestException naming the field that is wrong
     * @throws jp.kenpo.privacy.members.UnknownMemberException when no member has the key
     */
    @Transactional(timeout = WRITE_TIMEOUT_SECONDS)
    public ConsentEvent record(ConsentRequest request, String recordedBy) {
        LockedMember member = members.lock(request.member());
        check(request, member);
        return append(request, member.id(), recordedBy);
    }

    /**
     * Records many requests in one transaction: all of them or, if one is refused, none. Members
     * are locked in key order so that two batches never wait on each other in a cycle.
     */
    @Transactional(timeout = LONGEST_WRITE_SECONDS)
    public List<ConsentEvent> recordAll(List<ConsentRequest> requests, String recordedBy) {
        var order = new ArrayList<>(requests);
        order.sort(Comparator.comparing(ConsentRequest::member));
        var locked = new HashMap<MemberKey, LockedMember>();
        var recorded = new ArrayList<ConsentEvent>(requests.size());
        for (ConsentRequest r : order) {
            LockedMember m = locked.computeIfAbsent(r.member(), members::lock);
            check(r, m);
            recorded.add(append(r, m.id(), recordedBy));
        }
        return recorded;
    }

    private void check(ConsentRequest r, LockedMember member) {
        if (r.target() instanceof OfPurpose p && !catalog.knows(p.code())) {
            throw new InvalidConsentRequestException("purpose", "no published catalog version has purpose " + p.code());
        }
        if (r.target() instanceof OfCategory c && !catalog.knowsCategory(c.number())) {
            throw new InvalidConsentRequestException("category", "no published catalog version has category " + c.number());
        }
        LocalDate today = SocietyTime.dateOf(clock.instant());
        if (r.receivedOn().isAfter(today)) {
            throw new InvalidConsentRequestException("receivedOn", "the received date " + r.receivedOn()
                    + " is in the future (today is " + today + ")");
        }
        if (r.filedBy() == Filer.INSURED_PERSON && member.kind() != MemberKind.DEPENDENT) {
            throw new InvalidConsentRequestException("filedBy", member.key() + " is an insured person: "
                    + "only a dependent's request is filed by the insured person");
        }
        if (r.note().map(n -> n.length() > NOTE_MAX).orElse(false)) {
            throw new InvalidConsentRequestException("note", "the note is longer than " + NOTE_MAX + " characters");
        }
    }

    /** Appends to a chain whose member the transaction has locked. */
    private ConsentEvent append(ConsentRequest r, long memberId, String recordedBy) {
        var last = jdbc.query("""
                select member_seq, hash from consent_event where member_id = ?
                 order by member_seq desc fetch first 1 rows only""",
                (rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}, memberId);
        int memberSeq = last.isEmpty() ? 1 : (Integer) last.get(0)[0] + 1;
        String prevHash = last.isEmpty() ? EventHash.GENESIS : (String) last.get(0)[1];
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = r.note().orElse(null);
        String hash = EventHash.of(memberId, memberSeq, r.action(), r.target(), r.receivedOn(), r.channel(),
                r.filedBy(), recordedBy, recordedAt, note, prevHash);
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into consent_event (member_id, member_seq, kind, purpose_code, category, received_on,
                        channel, filed_by, recorded_by, recorded_at, note, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"seq"});
            ps.setLong(1, memberId);
            ps.setInt(2, memberSeq);
            ps.setString(3, r.action().name());
            if (r.target() instanceof OfPurpose p) {
                ps.setString(4, p.code().toString());
                ps.setNull(5, Types.SMALLINT);
            } else {
                ps.setNull(4, Types.VARCHAR);
                ps.setInt(5, ((OfCategory) r.target()).number());
            }
            ps.setObject(6, r.receivedOn());
            ps.setString(7, r.channel().name());
            ps.setString(8, r.filedBy().name());
            ps.setString(9, recordedBy);
            ps.setObject(10, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
            ps.setString(11, note);
            ps.setString(12, prevHash);
            ps.setString(13, hash);
            return ps;
        }, keys);
        long seq = keys.getKey().longValue();
        var recorded = AuditEvent.of(AuditAction.CONSENT_RECORDED, r.action() + " " + r.target() + " received "
                + r.receivedOn() + " via " + r.channel() + ", filed by " + r.filedBy() + " (ledger seq " + seq + ")")
                .member(r.member());
        audit.record(r.target() instanceof OfPurpose p ? recorded.purpose(p.code()) : recorded);
        return new ConsentEvent(seq, memberId, r.member(), memberSeq, r.action(), r.target(), r.receivedOn(),
                r.channel(), r.filedBy(), recordedBy, recordedAt, r.note(), prevHash, hash);
    }

    /**
     * The member's state on every purpose of the notice in force at {@code at}, counting only the
     * events recorded by {@code knownAt} ({@link Instant#MAX}: all).
     */
    @Transactional
    public ConsentStatus status(MemberKey key, Instant at, Instant knownAt) {
        Catalog current = catalog.catalog();
        var version = current.inForceAt(at).orElseThrow(() -> new IllegalArgumentException(
                "no catalog version was in force at " + at));
        List<ConsentEvent> events = events(key);
        ConsentHistory history = ConsentHistory.of(events);
        LocalDate day = SocietyTime.dateOf(at);
        var standings = version.purposesInForceOn(day).stream().map(p -> new PurposeStanding(p,
                history.stateOf(p.code(), day, knownAt, current.firstPublished(p.code()).orElseThrow()))).toList();
        audit.record(AuditEvent.of(AuditAction.CONSENT_READ, "consent state at " + at
                + (knownAt.equals(Instant.MAX) ? "" : " as known at " + knownAt)).member(key));
        return new ConsentStatus(key, at, knownAt, version.version(), standings, events);
    }

    /** The member's events in the order they were recorded. */
    @Transactional
    public List<ConsentEvent> history(MemberKey key) {
        List<ConsentEvent> events = events(key);
        audit.record(AuditEvent.of(AuditAction.CONSENT_READ, "consent history, " + events.size() + " events").member(key));
        return events;
    }

    private List<ConsentEvent> events(MemberKey key) {
        Member member = members.require(key);
        return jdbc.query(SELECT_EVENT + " where e.member_id = ? order by e.member_seq", (rs, n) -> event(rs), member.id());
    }

    /**
     * Streams, in ledger order, the events recorded after {@code seq} and those among
     * {@code missing} that have appeared since.
     */
    @Transactional(readOnly = true)
    public void after(long seq, Collection<Long> missing, Consumer<ConsentEvent> sink) {
        if (!missing.isEmpty()) {
            streamingNamed.query(SELECT_EVENT + " where e.seq in (:missing) order by e.seq",
                    Map.of("missing", List.copyOf(missing)), rs -> {
                        sink.accept(event(rs));
                    });
        }
        // a page at a time in key order: even a generic plan (PostgreSQL's after a few runs of the
        // statement) walks the primary key instead of scanning the whole ledger
        long from = seq;
        int read;
        do {
            var page = new Object() {
                int rows;
                long last;
            };
            page.last = from;
            streaming.query(SELECT_EVENT + " where e.seq > ? order by e.seq fetch first " + TAIL_PAGE + " rows only", rs -> {
                ConsentEvent e = event(rs);
                page.rows++;
                page.last = e.seq();
                sink.accept(e);
            }, from);
            read = page.rows;
            from = page.last;
        } while (read == TAIL_PAGE);
    }

    /**
     * Recomputes every member's chain and names the first broken link: an event whose contents
     * no longer match its hash, a link to the wrong previous event, or a gap where an event was removed.
     */
    @Transactional(readOnly = true)
    public LedgerVerification verify() {
        var state = new Object() {
            long memberId = -1;
            int expectedSeq;
            String prevHash;
            long events;
            long chains;
            String broken;
        };
        streaming.query(SELECT_EVENT + " order by e.member_id, e.member_seq", rs -> {
            if (state.broken != null) {
                return;
            }
            ConsentEvent e = event(rs);
            if (e.memberId() != state.memberId) {
                state.memberId = e.memberId();
                state.expectedSeq = 1;
                state.prevHash = EventHash.GENESIS;
                state.chains++;
            }
            state.events++;
            String where = "member " + e.member() + ", event #" + e.memberSeq() + " (ledger seq " + e.seq() + ")";
            if (e.memberSeq() != state.expectedSeq) {
                state.broken = where + ": expected event #" + state.expectedSeq + " — an event is missing";
            } else if (!e.prevHash().equals(state.prevHash)) {
                state.broken = where + ": it does not link to the member's previous event";
            } else if (!EventHash.of(e).equals(e.hash())) {
                state.broken = where + ": its contents no longer match its hash — it was changed after recording";
            }
            state.expectedSeq++;
            state.prevHash = e.hash();
        });
        return new LedgerVerification(state.broken == null, state.events, state.chains, Optional.ofNullable(state.broken));
    }

    private static final String SELECT_EVENT = """
            select e.seq, e.member_id, m.symbol, m.number, m.branch, e.member_seq, e.kind, e.purpose_code, e.category,
                   e.received_on, e.channel, e.filed_by, e.recorded_by, e.recorded_at, e.note, e.prev_hash, e.hash
              from consent_event e join member m on m.id = e.member_id""";

    private static ConsentEvent event(ResultSet rs) throws SQLException {
        String purpose = rs.getString(8);
        ConsentTarget target = purpose != null
                ? ConsentTarget.purpose(jp.kenpo.privacy.catalog.PurposeCode.parse(purpose))
                : ConsentTarget.category(rs.getInt(9));
        return new ConsentEvent(rs.getLong(1), rs.getLong(2), new MemberKey(rs.getString(3), rs.getString(4),
                rs.getString(5)), rs.getInt(6), ConsentAction.valueOf(rs.getString(7)), target,
                rs.getObject(10, LocalDate.class), Channel.valueOf(rs.getString(11)), Filer.valueOf(rs.getString(12)),
                rs.getString(13), rs.getObject(14, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString(15)), rs.getString(16), rs.getString(17));
    }
}
