package jp.kenpo.privacy.consent;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** On H2, refuses every update and delete of a consent event, as the PostgreSQL trigger does. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(
                "consent_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "23000");
    }
}
