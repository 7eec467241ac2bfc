package jp.kenpo.privacy.claims;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, sent as JDBC batches with their SQL types (no driver round trip to guess a
 * null's type). The caller flushes, parents before children, so foreign keys always hold.
 */
final class BatchInsert {

    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final int[] types;
    private final List<Object[]> rows = new ArrayList<>(BATCH);

    BatchInsert(JdbcTemplate jdbc, String table, String columns, int... types) {
        this.jdbc = jdbc;
        this.types = types;
        this.sql = "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(types.length - 1) + "?)";
    }

    void add(Object... values) {
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    void flush() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, types);
            rows.clear();
        }
    }
}
