package jp.kenpo.privacy.claims;

import java.sql.Types;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarantine rows of one file: records that name no member of the registry, or (lenient
 * mode) could not be read, kept with the reason and the record as read or as it stood in the file.
 *
 * <p>One instance per file import, in the file's transaction.
 */
final class QuarantineRows {

    /** The longest detail kept: only the quarantine's own message is cut, never the record. */
    private static final int DETAIL_MAX = 1000;

    private final long fileId;
    private final BatchInsert rows;

    QuarantineRows(JdbcTemplate jdbc, long fileId) {
        this.fileId = fileId;
        this.rows = new BatchInsert(
                jdbc,
                "health_data_quarantine",
                "file_id, location, reason, detail, record",
                Types.BIGINT,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR);
    }

    void add(String location, QuarantineReason reason, String detail, String record) {
        rows.add(fileId, location, reason.name(), HealthDataImport.cut(detail, DETAIL_MAX), record);
    }

    void flush() {
        rows.flush();
    }
}
