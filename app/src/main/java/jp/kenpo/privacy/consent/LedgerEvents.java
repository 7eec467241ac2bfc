package jp.kenpo.privacy.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads recorded events: a member's chain, the tail of the ledger for a reader that keeps its own
 * copy ({@link LedgerTail}), and every chain in order for {@link LedgerVerifier}. The ledger keeps
 * member ids; their keys come from the registry ({@link MemberRegistry#keysOf}), a page of events
 * at a time, since no module reads another's tables.
 */
@Component
public class LedgerEvents {

    /** Events read, and keyed through the registry, at a time. */
    static final int PAGE = 10_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate streamingNamed;
    private final MemberRegistry members;
    private final int page;

    @Autowired
    public LedgerEvents(JdbcTemplate jdbc, MemberRegistry members) {
        this(jdbc, members, PAGE);
    }

    /** With pages of another size: the tests' way to cross page boundaries with few events. */
    LedgerEvents(JdbcTemplate jdbc, MemberRegistry members, int page) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(page);
        this.streamingNamed = new NamedParameterJdbcTemplate(streaming);
        this.members = members;
        this.page = page;
    }

    /** The member's events in the order they were recorded (a single decision reads these alone). */
    @Transactional(readOnly = true)
    public List<ConsentEvent> ofMember(long memberId, MemberKey key) {
        return jdbc.query(
                SELECT_EVENT + " where e.member_id = ? order by e.member_seq", (rs, n) -> row(rs).keyed(key), memberId);
    }

    /**
     * Streams, in ledger order, the events recorded after {@code seq} and those among
     * {@code missing} that have appeared since.
     */
    @Transactional(readOnly = true)
    public void after(long seq, Collection<Long> missing, Consumer<ConsentEvent> sink) {
        if (!missing.isEmpty()) {
            var rows = new ArrayList<Row>();
            streamingNamed.query(
                    SELECT_EVENT + " where e.seq in (:missing) order by e.seq",
                    Map.of("missing", List.copyOf(missing)),
                    rs -> {
                        rows.add(row(rs));
                    });
            keyed(rows, sink);
        }
        // a page at a time in key order: even a generic plan (PostgreSQL's after a few runs of the
        // statement) walks the primary key instead of scanning the whole ledger
        long from = seq;
        int read;
        do {
            var rows = new ArrayList<Row>();
            streaming.query(
                    SELECT_EVENT + " where e.seq > ? order by e.seq fetch first " + page + " rows only",
                    rs -> {
                        rows.add(row(rs));
                    },
                    from);
            read = rows.size();
            if (read > 0) {
                keyed(rows, sink);
                from = rows.get(read - 1).seq();
            }
        } while (read == page);
    }

    /**
     * Streams every event by member, then by place in the member's chain: a page at a time, each
     * query done before its members' keys are asked for.
     */
    void inChainOrder(Consumer<ConsentEvent> sink) {
        long member = -1;
        int memberSeq = 0;
        int read;
        do {
            var rows = new ArrayList<Row>();
            streaming.query(
                    SELECT_EVENT + " where (e.member_id, e.member_seq) > (?, ?) order by e.member_id, e.member_seq"
                            + " fetch first " + page + " rows only",
                    rs -> {
                        rows.add(row(rs));
                    },
                    member,
                    memberSeq);
            read = rows.size();
            if (read > 0) {
                keyed(rows, sink);
                member = rows.get(read - 1).memberId();
                memberSeq = rows.get(read - 1).memberSeq();
            }
        } while (read == page);
    }

    /** The keys of members the ledger names by id (for the verifier's messages). */
    Map<Long, MemberKey> keysOf(Collection<Long> memberIds) {
        return members.keysOf(memberIds);
    }

    /** Hands the rows on with their members' keys, asked of the registry in one statement. */
    private void keyed(List<Row> rows, Consumer<ConsentEvent> sink) {
        Map<Long, MemberKey> keys =
                members.keysOf(rows.stream().map(Row::memberId).toList());
        for (Row r : rows) {
            MemberKey key = keys.get(r.memberId());
            if (key == null) {
                // the foreign key keeps this from happening; say so rather than pass on a keyless event
                throw new IllegalStateException("consent event " + r.seq() + " names member id " + r.memberId()
                        + " that is not in the registry");
            }
            sink.accept(r.keyed(key));
        }
    }

    /** An event as its table holds it: the member by id. */
    private record Row(
            long seq,
            long memberId,
            int memberSeq,
            ConsentAction action,
            ConsentTarget target,
            LocalDate receivedOn,
            Channel channel,
            Filer filedBy,
            String recordedBy,
            Instant recordedAt,
            Optional<String> note,
            String prevHash,
            String hash) {

        ConsentEvent keyed(MemberKey key) {
            return new ConsentEvent(
                    seq,
                    memberId,
                    key,
                    memberSeq,
                    action,
                    target,
                    receivedOn,
                    channel,
                    filedBy,
                    recordedBy,
                    recordedAt,
                    note,
                    prevHash,
                    hash);
        }
    }

    private static final String SELECT_EVENT = """
            select e.seq, e.member_id, e.member_seq, e.kind, e.purpose_code, e.category, e.received_on, e.channel,
                   e.filed_by, e.recorded_by, e.recorded_at, e.note, e.prev_hash, e.hash
              from consent_event e""";

    private static Row row(ResultSet rs) throws SQLException {
        String purpose = rs.getString(5);
        ConsentTarget target = purpose != null
                ? ConsentTarget.purpose(PurposeCode.parse(purpose))
                : ConsentTarget.category(rs.getInt(6));
        return new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                ConsentAction.valueOf(rs.getString(4)),
                target,
                rs.getObject(7, LocalDate.class),
                Channel.valueOf(rs.getString(8)),
                Filer.valueOf(rs.getString(9)),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString(12)),
                rs.getString(13),
                rs.getString(14));
    }
}
