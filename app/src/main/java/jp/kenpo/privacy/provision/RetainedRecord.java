package jp.kenpo.privacy.provision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import jp.kenpo.privacy.shared.SocietyTime;
import org.h2.api.Trigger;

/**
 * On H2, keeps a provision, confirmation or exchange record as recorded until its retention end
 * (PPC Rules Art. 21, 26), as the PostgreSQL trigger does: no update ever, a delete only of a row
 * whose {@code retention_until} has passed.
 */
public class RetainedRecord implements Trigger {

    private String table = "the record";
    private int retentionColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        table = tableName.toLowerCase(Locale.ROOT);
        try (var ps = conn.prepareStatement(
                "select ordinal_position from information_schema.columns where table_schema = ? and table_name = ?"
                        + " and column_name = 'RETENTION_UNTIL'")) {
            ps.setString(1, schemaName);
            ps.setString(2, tableName);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    retentionColumn = rs.getInt(1) - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null) {
            throw new SQLException(table + " is kept as recorded: UPDATE refused", "23000");
        }
        LocalDate until = retentionColumn < 0 ? null : toDate(oldRow[retentionColumn]);
        LocalDate today = SocietyTime.dateOf(java.time.Instant.now());
        if (until == null || !until.isBefore(today)) {
            throw new SQLException(
                    table + " is within its retention period (until " + until + "): DELETE refused", "23000");
        }
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
