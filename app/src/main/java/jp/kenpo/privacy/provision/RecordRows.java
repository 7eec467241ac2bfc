package jp.kenpo.privacy.provision;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import jp.kenpo.privacy.decision.Basis;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provision records of one run, written in bulk in the caller's transaction: on PostgreSQL with
 * COPY (a million records in a few seconds, where multi-row inserts took several times longer), on
 * H2 as JDBC batches.
 */
final class RecordRows {

    private static final String COLUMNS =
            "run_id, member_id, provided_on, basis, consent_event, row_count, retention_until";
    private static final int CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final StringBuilder csv = new StringBuilder(1 << 20);
    private final java.util.List<Object[]> rows = new java.util.ArrayList<>();
    private int pending;
    private Boolean postgres;
    private CopyIn copy;
    private Connection connection;

    RecordRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long run, long member, LocalDate on, Basis basis, long event, int rowCount, LocalDate retained) {
        rows.add(new Object[] {run, member, on, basis.name(), event == 0 ? null : event, rowCount, retained});
        if (++pending == CHUNK) {
            flush();
        }
    }

    void finish() {
        flush();
        if (copy != null) {
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("the provision records could not be written: " + e.getMessage(), e);
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
        pending = 0;
    }

    private void copy(Connection con) throws SQLException {
        if (copy == null) {
            connection = con;
            copy = con.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy provision_record (" + COLUMNS + ") from stdin (format csv)");
        }
        csv.setLength(0);
        for (Object[] r : rows) {
            // every value is a number, a date or an enum name: nothing to quote; an empty field is null
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
        try (PreparedStatement ps =
                con.prepareStatement("insert into provision_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] r : rows) {
                ps.setLong(1, (Long) r[0]);
                ps.setLong(2, (Long) r[1]);
                ps.setObject(3, r[2], Types.DATE);
                ps.setString(4, (String) r[3]);
                ps.setObject(5, r[4], Types.BIGINT);
                ps.setInt(6, (Integer) r[5]);
                ps.setObject(7, r[6], Types.DATE);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
