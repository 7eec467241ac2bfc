package jp.kenpo.privacy.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The requests module's tables: rights_request (moved forward only) and rights_request_event (appended). */
@Component
class RequestRows {

    private final JdbcTemplate jdbc;

    RequestRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A request row as stored: the member by registry id, whose key the registry gives. */
    record Row(long memberId, RequestState state, Function<MemberKey, RightsRequest> withKey) {

        RightsRequest request(MemberKey key) {
            return withKey.apply(key);
        }
    }

    long insert(long memberId, NewRequest r, LocalDate deadline, Instant filedAt, String recordedBy) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                            insert into rights_request (member_id, kind, purpose_code, filed_by, channel, received_on,
                                   delivery_form, fee_yen, deadline, state, closed, filed_at, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', false, ?, ?)""", new String[] {"id"});
                    ps.setLong(1, memberId);
                    ps.setString(2, r.kind().name());
                    ps.setString(3, r.purpose().map(PurposeCode::toString).orElse(null));
                    ps.setString(4, r.filedBy().name());
                    ps.setString(5, r.channel().name());
                    ps.setObject(6, r.receivedOn());
                    ps.setString(7, r.delivery().map(Enum::name).orElse(null));
                    ps.setInt(8, r.feeYen());
                    ps.setObject(9, deadline);
                    ps.setObject(10, OffsetDateTime.ofInstant(filedAt, ZoneOffset.UTC));
                    ps.setString(11, recordedBy);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /** The request's row, locked against a concurrent change of its state. */
    Optional<Row> lock(long id) {
        return jdbc.query(SELECT + " where id = ? for update", (rs, n) -> row(rs), id).stream()
                .findFirst();
    }

    Optional<Row> find(long id) {
        return jdbc.query(SELECT + " where id = ?", (rs, n) -> row(rs), id).stream()
                .findFirst();
    }

    /**
     * Moves the request on from exactly the state it was read in; a row in another state is
     * another writer's, and nothing is changed.
     */
    void advance(long id, RequestState from, RequestState to, Decided decided, LocalDate answeredOn) {
        int n = jdbc.update(
                """
                update rights_request set state = ?, closed = ?,
                       outcome = coalesce(?, outcome), ground = coalesce(?, ground), withheld = coalesce(?, withheld),
                       answered_on = coalesce(?, answered_on)
                 where id = ? and state = ?""",
                to.name(),
                !to.isOpen(),
                decided == null ? null : decided.outcome().name(),
                decided == null ? null : decided.ground().map(Enum::name).orElse(null),
                decided == null ? null : sections(decided.withheld()),
                answeredOn,
                id,
                from.name());
        if (n != 1) {
            throw new IllegalStateException("request " + id + " is no longer " + from + ": nothing changed");
        }
    }

    record Decided(Outcome outcome, Optional<Ground> ground, Set<Section> withheld) {}

    void appendEvent(long requestId, RequestEvent e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                            insert into rights_request_event (request_id, state, event_at, by_account, verification_method,
                                   representation, outcome, ground, withheld, consent_seq, correction_id, answer_sha256, note)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setLong(1, requestId);
            ps.setString(2, e.state().name());
            ps.setObject(3, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
            ps.setString(4, e.by());
            ps.setString(5, e.method().map(Enum::name).orElse(null));
            ps.setString(6, e.authority().map(Enum::name).orElse(null));
            ps.setString(7, e.outcome().map(Enum::name).orElse(null));
            ps.setString(8, e.ground().map(Enum::name).orElse(null));
            ps.setString(9, sections(e.withheld()));
            setLong(ps, 10, e.consentSeq());
            setLong(ps, 11, e.correctionId());
            ps.setString(12, e.answerSha256().orElse(null));
            ps.setString(13, e.note().orElse(null));
            return ps;
        });
    }

    private static void setLong(java.sql.PreparedStatement ps, int i, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(i, value.get());
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    List<RequestEvent> events(long requestId) {
        return jdbc.query(
                """
                select id, state, event_at, by_account, verification_method, representation, outcome, ground, withheld,
                       consent_seq, correction_id, answer_sha256, note
                  from rights_request_event where request_id = ? order by id""",
                (rs, n) -> new RequestEvent(
                        rs.getLong(1),
                        RequestState.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4),
                        Optional.ofNullable(rs.getString(5)).map(IdentityCheck::valueOf),
                        Optional.ofNullable(rs.getString(6)).map(Authority::valueOf),
                        Optional.ofNullable(rs.getString(7)).map(Outcome::valueOf),
                        Optional.ofNullable(rs.getString(8)).map(Ground::valueOf),
                        sections(rs.getString(9)),
                        Optional.ofNullable((Long) rs.getObject(10, Long.class)),
                        Optional.ofNullable((Long) rs.getObject(11, Long.class)),
                        Optional.ofNullable(rs.getString(12)),
                        Optional.ofNullable(rs.getString(13))),
                requestId);
    }

    /**
     * Open requests by deadline, then id, after the cursor: overdue ones (the earliest deadlines)
     * first. Read along the index (closed, deadline, id), a page at a time.
     */
    List<Row> open(Optional<LocalDate> deadlineBefore, Optional<Cursor> after, int limit) {
        var sql = new StringBuilder(SELECT).append(" where closed = false");
        var args = new ArrayList<Object>();
        deadlineBefore.ifPresent(d -> {
            sql.append(" and deadline < ?");
            args.add(d);
        });
        after.ifPresent(c -> {
            sql.append(" and (deadline > ? or (deadline = ? and id > ?))");
            args.addAll(List.of(c.deadline(), c.deadline(), c.id()));
        });
        sql.append(" order by deadline, id fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray());
    }

    /** Where a page of the open list ended. */
    record Cursor(LocalDate deadline, long id) {}

    /** The requests about these members, newest first. */
    List<Row> ofMembers(List<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                con -> {
                    var ps = con.prepareStatement(SELECT + " where member_id = any(?) order by id desc");
                    ps.setArray(1, con.createArrayOf("bigint", memberIds.toArray(Long[]::new)));
                    return ps;
                },
                (rs, n) -> row(rs));
    }

    private static final String SELECT = """
            select id, member_id, kind, purpose_code, filed_by, channel, received_on, delivery_form, fee_yen, deadline,
                   state, outcome, ground, withheld, answered_on, filed_at, recorded_by
              from rights_request""";

    private static Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long memberId = rs.getLong(2);
        var kind = RequestKind.valueOf(rs.getString(3));
        var purpose = Optional.ofNullable(rs.getString(4)).map(PurposeCode::parse);
        var filedBy = Requester.valueOf(rs.getString(5));
        var channel = Channel.valueOf(rs.getString(6));
        var received = rs.getObject(7, LocalDate.class);
        var delivery = Optional.ofNullable(rs.getString(8)).map(DeliveryForm::valueOf);
        int fee = rs.getInt(9);
        var deadline = rs.getObject(10, LocalDate.class);
        var state = RequestState.valueOf(rs.getString(11));
        var outcome = Optional.ofNullable(rs.getString(12)).map(Outcome::valueOf);
        var ground = Optional.ofNullable(rs.getString(13)).map(Ground::valueOf);
        var withheld = sections(rs.getString(14));
        var answered = Optional.ofNullable(rs.getObject(15, LocalDate.class));
        var filedAt = rs.getObject(16, OffsetDateTime.class).toInstant();
        var recordedBy = rs.getString(17);
        return new Row(
                memberId,
                state,
                key -> new RightsRequest(
                        id,
                        key,
                        kind,
                        purpose,
                        filedBy,
                        channel,
                        received,
                        delivery,
                        fee,
                        deadline,
                        state,
                        outcome,
                        ground,
                        withheld,
                        answered,
                        filedAt,
                        recordedBy));
    }

    /** The rows' requests with their members' keys. */
    static List<RightsRequest> withKeys(List<Row> rows, Map<Long, MemberKey> keys) {
        return rows.stream().map(r -> r.request(keys.get(r.memberId()))).toList();
    }

    private static String sections(Set<Section> sections) {
        return sections.isEmpty()
                ? null
                : sections.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Section> sections(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        var set = EnumSet.noneOf(Section.class);
        Arrays.stream(text.split(",")).map(Section::valueOf).forEach(set::add);
        return set;
    }
}
