package jp.kenpo.privacy.consent;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** On H2, lets a consent chain head move only forward, as the PostgreSQL trigger does. */
public class ForwardOnlyHeadTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        // columns: member_id, member_seq, hash
        if (newRow != null
                && oldRow[0].equals(newRow[0])
                && ((Number) newRow[1]).intValue() > ((Number) oldRow[1]).intValue()) {
            return;
        }
        throw new SQLException(
                "consent_chain_head only moves forward: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "23000");
    }
}
