package jp.kenpo.privacy.release;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The release registry's tables: release_registry (one row per release, never changed) and
 * release_event (approvals and deliveries). The database refuses updates and deletes of both.
 */
@Repository
class ReleaseRegistry {

    private final JdbcTemplate jdbc;

    ReleaseRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String nextReleaseId() {
        Long n = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from release_registry", Long.class);
        return String.format("R-%06d", n);
    }

    /** Adds the row; {@code record.rowSha256()} must be {@link #rowHash} of it. */
    void add(ReleaseRecord r, String specText) {
        jdbc.update(
                "insert into release_registry (release_id, built_at, built_by, spec_file, spec_sha256, spec_text,"
                        + " catalog_version, recipient, method, pseudonyms, period_from, period_to, cut_off, items,"
                        + " figures, files, location, archive_sha256, manifest_sha256, row_sha256)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.releaseId(),
                Timestamp.from(r.builtAt()),
                r.builtBy(),
                r.specFile(),
                r.specSha256(),
                specText,
                r.catalogVersion(),
                r.recipient(),
                r.method(),
                r.pseudonyms().name(),
                r.periodFrom(),
                r.periodTo(),
                r.cutOff(),
                String.join("\n", r.items()),
                r.figures(),
                files(r.files()),
                r.location(),
                r.archiveSha256().orElse(null),
                r.manifestSha256().orElse(null),
                r.rowSha256());
    }

    /** The SHA-256 over the row's fields, length-prefixed so no two rows serialise alike. */
    static String rowHash(ReleaseRecord r, String specText) {
        StringBuilder sb = new StringBuilder();
        for (String field : List.of(
                r.releaseId(),
                r.builtAt().toString(),
                r.builtBy(),
                r.specFile(),
                r.specSha256(),
                specText,
                Integer.toString(r.catalogVersion()),
                r.recipient(),
                r.method(),
                r.pseudonyms().name(),
                r.periodFrom().toString(),
                r.periodTo().toString(),
                r.cutOff().toString(),
                String.join("\n", r.items()),
                r.figures(),
                files(r.files()),
                r.location(),
                r.archiveSha256().orElse(""),
                r.manifestSha256().orElse(""))) {
            sb.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
        }
        return ReleaseSpecReader.sha256(sb.toString());
    }

    void addEvent(String releaseId, String kind, Instant at, String by, boolean onePerson, String detail) {
        jdbc.update(
                "insert into release_event (release_id, kind, at_time, by_whom, one_person, detail)"
                        + " select id, ?, ?, ?, ?, ? from release_registry where release_id = ?",
                kind,
                Timestamp.from(at),
                by,
                onePerson,
                detail,
                releaseId);
    }

    List<ReleaseRecord> all() {
        return jdbc.query(SELECT + " order by r.id", (rs, n) -> record(rs));
    }

    Optional<ReleaseRecord> find(String releaseId) {
        return jdbc.query(SELECT + " where r.release_id = ?", (rs, n) -> record(rs), releaseId).stream()
                .findFirst();
    }

    Optional<String> specText(String releaseId) {
        return jdbc
                .queryForList("select spec_text from release_registry where release_id = ?", String.class, releaseId)
                .stream()
                .findFirst();
    }

    /** The last month covered by a release to the recipient, for a continuing release. */
    Optional<LocalDate> lastPeriodEnd(String recipient) {
        return Optional.ofNullable(jdbc.queryForObject(
                "select max(period_to) from release_registry where recipient = ?", LocalDate.class, recipient));
    }

    private static final String SELECT = "select r.release_id, r.built_at, r.built_by, r.spec_file, r.spec_sha256,"
            + " r.catalog_version, r.recipient, r.method, r.pseudonyms, r.period_from, r.period_to, r.cut_off, r.items,"
            + " r.figures, r.files, r.location, r.archive_sha256, r.manifest_sha256, r.row_sha256,"
            + " a.at_time, a.by_whom, a.one_person, a.detail, d.at_time, d.by_whom, d.one_person, d.detail"
            + " from release_registry r"
            + " left join release_event a on a.release_id = r.id and a.kind = 'APPROVED'"
            + " left join release_event d on d.release_id = r.id and d.kind = 'DELIVERED'";

    private static ReleaseRecord record(ResultSet rs) throws SQLException {
        return new ReleaseRecord(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getString(8),
                PseudonymPolicy.valueOf(rs.getString(9)),
                rs.getObject(10, LocalDate.class),
                rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class),
                Arrays.asList(rs.getString(13).split("\n")),
                rs.getString(14),
                parseFiles(rs.getString(15)),
                rs.getString(16),
                Optional.ofNullable(rs.getString(17)),
                Optional.ofNullable(rs.getString(18)),
                rs.getString(19),
                event(rs, 20),
                event(rs, 24));
    }

    private static Optional<ReleaseRecord.Event> event(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseRecord.Event(
                at.toInstant(), rs.getString(column + 1), rs.getBoolean(column + 2), rs.getString(column + 3)));
    }

    static String files(List<ReleaseRecord.FileEntry> files) {
        List<String> lines = new ArrayList<>();
        files.forEach(f -> lines.add(f.file() + " " + f.sha256() + " " + f.rows()));
        return String.join("\n", lines);
    }

    private static List<ReleaseRecord.FileEntry> parseFiles(String text) {
        List<ReleaseRecord.FileEntry> files = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ");
            files.add(new ReleaseRecord.FileEntry(parts[0], parts[1], Long.parseLong(parts[2])));
        }
        return files;
    }
}
