package jp.kenpo.privacy.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** On H2, refuses every update and delete of the audit trail's tables, as the PostgreSQL triggers do. */
public class AppendOnly implements Trigger {

    private String table = "the audit trail";

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(
                table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "23000");
    }
}
