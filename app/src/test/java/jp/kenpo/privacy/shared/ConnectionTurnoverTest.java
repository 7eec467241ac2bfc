package jp.kenpo.privacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pool retires connections (every 30 minutes by default), the one that ran the migrations
 * included. H2 2.4.240 tied the IN-list check constraints a session created to that session, and
 * once it closed every insert into such a table failed ("Check constraint invalid … database has
 * been closed") until the process restarted.
 */
class ConnectionTurnoverTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    @Test
    void theDatabaseKeepsWorkingAfterThePoolRetiresItsConnections() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();
        for (int i = 0; i < 100 && pool.getHikariPoolMXBean().getActiveConnections() > 0; i++) {
            Thread.sleep(50);
        }

        String s = TestMembers.freshSymbol();
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(s, "1", "2020-04-01", null)));
        assertThat(registry.find(new jp.kenpo.privacy.members.MemberKey(s, "1", "00")))
                .isPresent();
    }
}
