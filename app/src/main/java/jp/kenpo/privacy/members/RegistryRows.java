package jp.kenpo.privacy.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's tables as its readers and writers (the registry, the import, corrections) share
 * them: the revision lock, members found by many keys, their periods.
 */
@Component
class RegistryRows {

    static final int CHUNK = 500;
    private static final int FEW_KEYS = 50;

    /** A registered member as a writer checks a row against it. */
    record Registered(long id, MemberKind kind, PersonIdentity identity) {}

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate named;

    RegistryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A template that streams its rows, for passes over a whole table. */
    JdbcTemplate streaming() {
        return streaming;
    }

    /** The latest registry revision: it grows with every committed change of the registry. */
    long revision() {
        return jdbc.queryForObject("select revision from registry_revision where id = 1", Long.class);
    }

    /**
     * Takes the registry's revision lock for this transaction and returns the new revision: every
     * transaction that changes the registry does this first, so registry writers take turns.
     */
    long nextRevision() {
        jdbc.update("update registry_revision set revision = revision + 1 where id = 1");
        return revision();
    }

    /** The registry ids of the members with these keys; keys no member has are left out. */
    Map<MemberKey, Long> idsOf(List<MemberKey> keys) {
        var ids = new HashMap<MemberKey, Long>(keys.size() * 2);
        registered(keys).forEach((key, r) -> ids.put(key, r.id()));
        return ids;
    }

    /**
     * The members with these keys. Few keys: one query naming them. Many: one pass over the
     * registry, because long lists of key tuples are planned as sequential scans on PostgreSQL,
     * one per list.
     */
    Map<MemberKey, Registered> registered(List<MemberKey> keys) {
        var found = new HashMap<MemberKey, Registered>(keys.size() * 2);
        if (keys.isEmpty()) {
            return found;
        }
        if (keys.size() <= FEW_KEYS) {
            named.query(SELECT_REGISTERED + " where " + keyIn(keys), keyParams(keys), rs -> {
                found.put(keyOf(rs), registered(rs));
            });
            return found;
        }
        var wanted = new HashSet<>(keys);
        streaming.query(SELECT_REGISTERED, rs -> {
            var key = keyOf(rs);
            if (wanted.contains(key)) {
                found.put(key, registered(rs));
            }
        });
        return found;
    }

    /** The eligibility periods of these members. */
    Map<Long, List<EligibilityPeriod>> periodsOf(Collection<Long> memberIds) {
        var periods = new HashMap<Long, List<EligibilityPeriod>>();
        if (memberIds.size() > 10 * CHUNK) {
            var wanted = new HashSet<>(memberIds);
            streaming.query("select member_id, acquired_on, lost_on from member_eligibility", rs -> {
                if (wanted.contains(rs.getLong(1))) {
                    periods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                            .add(period(rs, 2));
                }
            });
            return periods;
        }
        var idList = new ArrayList<>(memberIds);
        for (int i = 0; i < idList.size(); i += CHUNK) {
            var chunk = idList.subList(i, Math.min(idList.size(), i + CHUNK));
            named.query(
                    "select member_id, acquired_on, lost_on from member_eligibility where member_id in (:ids)",
                    Map.of("ids", chunk),
                    rs -> {
                        periods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                                .add(period(rs, 2));
                    });
        }
        return periods;
    }

    static EligibilityPeriod period(ResultSet rs, int column) throws SQLException {
        return new EligibilityPeriod(
                rs.getObject(column, LocalDate.class), Optional.ofNullable(rs.getObject(column + 1, LocalDate.class)));
    }

    private static final String SELECT_REGISTERED = """
            select id, kind, symbol, number, branch, insurer_number, name_kanji, name_kana, sex, birth_date
              from member""";

    private static MemberKey keyOf(ResultSet rs) throws SQLException {
        return new MemberKey(rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static Registered registered(ResultSet rs) throws SQLException {
        return new Registered(
                rs.getLong(1),
                MemberKind.valueOf(rs.getString(2)),
                new PersonIdentity(
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        Sex.ofCode(rs.getInt(9)),
                        rs.getObject(10, LocalDate.class)));
    }

    private static String keyIn(List<MemberKey> keys) {
        var sb = new StringBuilder("(symbol, number, branch) in (");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append("(:s")
                    .append(i)
                    .append(", :n")
                    .append(i)
                    .append(", :b")
                    .append(i)
                    .append(')');
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
}
