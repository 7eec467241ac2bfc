package jp.kenpo.privacy.provision;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records of one run or exchange, written in bulk in the caller's transaction: on PostgreSQL with
 * COPY (a million records in a few seconds, where multi-row inserts took several times longer), on
 * H2 as JDBC batches. Every value is a number, a date or an enum name: nothing to quote.
 */
final class RecordRows {

    private static final int CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final String table;
    private final String columns;
    private final int[] types;
    private final StringBuilder csv = new StringBuilder(1 << 20);
    private final List<Object[]> rows = new ArrayList<>();
    private Boolean postgres;
    private CopyIn copy;

    /** The provision records of a run (one per member). */
    static RecordRows provisionRecords(JdbcTemplate jdbc) {
        return new RecordRows(
                jdbc,
                "provision_record",
                List.of("run_id", "member_id", "provided_on", "basis", "consent_event", "row_count", "retention_until"),
                new int[] {
                    Types.BIGINT, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.DATE
                });
    }

    /**
     * @param types the SQL type of each column, for the batches' nulls and dates
     */
    RecordRows(JdbcTemplate jdbc, String table, List<String> columns, int[] types) {
        if (columns.size() != types.length) {
            throw new IllegalArgumentException("a type for each column");
        }
        this.jdbc = jdbc;
        this.table = table;
        this.columns = String.join(", ", columns);
        this.types = types.clone();
    }

    /** A row, its values in the columns' order; null for an empty one. */
    void add(Object... values) {
        rows.add(values);
        if (rows.size() == CHUNK) {
            flush();
        }
    }

    void finish() {
        flush();
        if (copy != null) {
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "the records (" + table + ") could not be written: " + e.getMessage(), e);
            }
        }
    }

    private void flush() {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            if (postgres == null) {
                postgres = con.isWrapperFor(PGConnection.class);
            }
            if (postgres) {
                copy(con);
            } else {
                batch(con);
            }
            return null;
        });
        rows.clear();
    }

    private void copy(Connection con) throws SQLException {
        if (copy == null) {
            copy = con.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)");
        }
        csv.setLength(0);
        for (Object[] r : rows) {
            // an empty field is null
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (r[i] != null) {
                    csv.append(r[i]);
                }
            }
            csv.append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private void batch(Connection con) throws SQLException {
        String marks = "?" + ", ?".repeat(types.length - 1);
        try (PreparedStatement ps =
                con.prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")")) {
            for (Object[] r : rows) {
                for (int i = 0; i < types.length; i++) {
                    ps.setObject(i + 1, r[i], types[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
