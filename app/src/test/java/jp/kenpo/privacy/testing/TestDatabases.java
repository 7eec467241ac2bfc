package jp.kenpo.privacy.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The databases the tests run on: in-memory H2 by default; with {@code -Dkenpo.test.database=postgresql}
 * a real PostgreSQL server — the one on 127.0.0.1:5432 if it answers, else one started for the
 * test run — with a fresh database per test run, dropped when the run ends.
 */
public final class TestDatabases {

    /** A database for one Spring test context. */
    public record Database(String url, String user, String password) {}

    private static final Map<String, Database> CREATED = new HashMap<>();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static String adminUrl;
    private static String adminUser;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {}

    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("kenpo.test.database", "h2"));
    }

    public static synchronized Database named(String name) {
        return CREATED.computeIfAbsent(name, n -> postgres() ? createPostgres(n) : h2(n));
    }

    /** Every database this run has made so far, for the leak scan to read at the end. */
    public static synchronized List<Database> all() {
        return List.copyOf(CREATED.values());
    }

    private static Database h2(String name) {
        return new Database("jdbc:h2:mem:" + name + "-" + RUN + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static Database createPostgres(String name) {
        connectAdmin();
        String db = "kenpo_test_" + RUN + "_" + name.replaceAll("[^a-z0-9]", "_");
        try (Connection c = DriverManager.getConnection(adminUrl, adminUser, "")) {
            c.createStatement().execute("create database " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + db + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(db)));
        String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        return new Database(base + db, adminUser, "");
    }

    private static void connectAdmin() {
        if (adminUrl != null) {
            return;
        }
        String url = System.getProperty("kenpo.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("kenpo.test.postgres.user", "postgres");
        try (Connection c = DriverManager.getConnection(url + "?connectTimeout=3", user, "")) {
            adminUrl = url;
            adminUser = user;
        } catch (SQLException e) {
            System.err.println("no PostgreSQL answers at " + url + " (" + e.getMessage()
                    + "); starting an embedded PostgreSQL for this test run");
            try {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (java.io.IOException ignored) {
                        // the run is ending anyway
                    }
                }));
                adminUrl = embedded.getJdbcUrl("postgres", "postgres");
                adminUrl = adminUrl.substring(0, adminUrl.indexOf('?') > 0 ? adminUrl.indexOf('?') : adminUrl.length());
                adminUser = "postgres";
            } catch (java.io.IOException io) {
                throw new IllegalStateException("no PostgreSQL server and none could be started", io);
            }
        }
    }

    private static void drop(String db) {
        try (Connection c = DriverManager.getConnection(adminUrl, adminUser, "")) {
            c.createStatement().execute("drop database if exists " + db + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + db + ": " + e.getMessage());
        }
    }
}
