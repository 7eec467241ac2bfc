package jp.kenpo.privacy.claims;

import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.Observation;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one file's checkups (特定健診): the checkup and its observations, held in batches and
 * sent the checkup first. A checkup is known by its document's SHA-256, whatever it came in, so
 * this also tells where a document of a digest is stored already: earlier in this file, or in
 * another.
 *
 * <p>One instance per file import, in the file's transaction.
 */
final class CheckupRows {

    private final JdbcTemplate jdbc;
    private final long fileId;
    private final BatchInsert checkups;
    private final BatchInsert observations;
    /** Digest to document of the checkups stored from this file: those are named as in "this file". */
    private final Map<String, String> storedHere = new HashMap<>();

    CheckupRows(JdbcTemplate jdbc, long fileId) {
        this.jdbc = jdbc;
        this.fileId = fileId;
        this.checkups = new BatchInsert(
                jdbc,
                "checkup",
                "file_id, seq, document, member_id, checkup_date, program_type, facility_code, document_sha256",
                Types.BIGINT,
                Types.INTEGER,
                Types.VARCHAR,
                Types.BIGINT,
                Types.DATE,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.CHAR);
        this.observations = new BatchInsert(
                jdbc,
                "checkup_observation",
                "file_id, checkup_seq, seq, code, value_type, "
                        + "value_text, unit, value_number, value_code_system, null_flavor",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.NUMERIC,
                Types.VARCHAR,
                Types.VARCHAR);
    }

    /**
     * Where a checkup document of this digest is stored ("this file, DOCUMENT" or "file #N,
     * DOCUMENT"), or null when it is not.
     */
    String storedAs(String digest) {
        String here = storedHere.get(digest);
        if (here != null) {
            return "this file, " + here;
        }
        return jdbc
                .query(
                        "select file_id, document from checkup where document_sha256 = ?",
                        (rs, n) -> "file #" + rs.getLong(1) + ", " + rs.getString(2),
                        digest)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Adds the file's {@code seq}th record, read from {@code document}, with its observations in order. */
    void add(int seq, String document, long memberId, Checkup c, String digest) {
        checkups.add(fileId, seq, document, memberId, c.checkupDate(), c.programType(), c.facilityCode(), digest);
        storedHere.put(digest, document);
        int n = 0;
        for (Observation o : c.observations()) {
            observations.add(
                    fileId,
                    seq,
                    ++n,
                    o.code(),
                    o.valueType(),
                    o.value(),
                    o.unit(),
                    o.number(),
                    o.valueCodeSystem(),
                    o.nullFlavor());
        }
    }

    /** Sends the rows held, checkups before their observations. */
    void flush() {
        checkups.flush();
        observations.flush();
    }
}
