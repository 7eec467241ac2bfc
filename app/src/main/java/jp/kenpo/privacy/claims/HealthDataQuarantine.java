package jp.kenpo.privacy.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The quarantine as the people who clear it read it: which file a record came in, where in it,
 * and why it was not stored against a member. Newest first, a page at a time from the last one
 * seen (keyset: the thousandth page is as quick as the first). The record itself — health data
 * of a person the society may not even insure — is not part of what is read here.
 */
@Service
public class HealthDataQuarantine {

    /**
     * One quarantined record, without its content.
     *
     * @param location where in the file: {@code line N} of a receipt file, a document's name in a checkup archive
     * @param detail   why, in the importer's words (card identifiers and member keys, never a name or a date)
     */
    public record Quarantined(
            long id,
            long fileId,
            String fileName,
            String fileKind,
            Instant importedAt,
            String importedBy,
            String location,
            QuarantineReason reason,
            String detail) {}

    private static final String SELECT = """
            select q.id, q.file_id, f.name, f.kind, f.imported_at, f.imported_by, q.location, q.reason, q.detail
            from health_data_quarantine q join health_data_file f on f.id = q.file_id
            """;

    private final JdbcTemplate jdbc;

    HealthDataQuarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * At most {@code limit} records, newest first: those before {@code before} (an id) when given,
     * of one file when {@code file} is given.
     */
    public List<Quarantined> page(Optional<Long> file, Optional<Long> before, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be from 1 to 1000");
        }
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        file.ifPresent(f -> {
            where.add("q.file_id = ?");
            args.add(f);
        });
        before.ifPresent(b -> {
            where.add("q.id < ?");
            args.add(b);
        });
        String sql = SELECT + (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ")
                + "order by q.id desc fetch first " + limit + " rows only";
        return jdbc.query(sql, HealthDataQuarantine::row, args.toArray());
    }

    public Optional<Quarantined> find(long id) {
        return jdbc.query(SELECT + "where q.id = ?", HealthDataQuarantine::row, id).stream()
                .findFirst();
    }

    private static Quarantined row(ResultSet rs, int n) throws SQLException {
        return new Quarantined(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6),
                rs.getString(7),
                QuarantineReason.valueOf(rs.getString(8)),
                rs.getString(9));
    }
}
