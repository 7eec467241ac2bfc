package jp.kenpo.privacy.mynumber;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Two processes (here: two key rings with pools of their own, four threads each) opening an empty
 * vault at once create one data key and one lookup key between them, and every process holds
 * each key under the id it is stored with: what it seals opens after a restart.
 */
@Tag("database")
class VaultKeyCreationTest {

    private static final int THREADS_PER_PROCESS = 4;

    @Test
    void concurrentCreatorsOfTheFirstKeysAgreeOnThem() throws Exception {
        TestDatabases.Database db = TestDatabases.named("vault-keys");
        var properties = new VaultProperties(
                "file:" + DatabaseTest.MASTER_KEY,
                List.of(),
                null,
                Set.of(Role.CLERK, Role.SYSTEM),
                Set.of(Role.PRIVACY_OFFICER, Role.CLERK));
        try (var one = pool(db);
                var other = pool(db);
                var restarted = pool(db)) {
            // migrated through a pool that stays open, as the application's is: H2 evaluates a check
            // constraint with the session that created it, and fails once that session has closed
            Flyway.configure()
                    .dataSource(one)
                    .locations(
                            "classpath:db/migration/common",
                            "classpath:db/migration/" + (TestDatabases.postgres() ? "postgresql" : "h2"))
                    .load()
                    .migrate();
            var jdbc = new JdbcTemplate(one);
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_PROCESS);
            try {
                for (int round = 0; round < 10; round++) {
                    jdbc.update("delete from vault_key");
                    var processes = List.of(keys(one, properties), keys(other, properties));
                    var start = new CountDownLatch(1);
                    var held = new ArrayList<CompletableFuture<Held>>();
                    for (VaultKeys process : processes) {
                        for (int t = 0; t < THREADS_PER_PROCESS; t++) {
                            held.add(CompletableFuture.supplyAsync(
                                    () -> {
                                        await(start);
                                        VaultKeys.DataKey data = process.currentDataKey();
                                        return new Held(
                                                data.id(),
                                                data.key().getEncoded(),
                                                process.lookupKey().getEncoded());
                                    },
                                    threads));
                        }
                    }
                    start.countDown();
                    var results = new ArrayList<Held>();
                    for (var h : held) {
                        results.add(h.get(30, TimeUnit.SECONDS));
                    }

                    assertThat(jdbc.queryForObject("select count(*) from vault_key where kind = 'DATA'", Integer.class))
                            .as("round " + round + ": data keys")
                            .isEqualTo(1);
                    assertThat(jdbc.queryForObject(
                                    "select count(*) from vault_key where kind = 'LOOKUP'", Integer.class))
                            .as("round " + round + ": lookup keys")
                            .isEqualTo(1);
                    VaultKeys afterRestart = keys(restarted, properties);
                    byte[] lookup = afterRestart.lookupKey().getEncoded();
                    for (Held k : results) {
                        assertThat(k.data())
                                .as("round " + round + ": data key " + k.id() + " as held and as stored")
                                .isEqualTo(afterRestart.key(k.id()).getEncoded());
                        assertThat(k.lookup()).isEqualTo(lookup);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private record Held(int id, byte[] data, byte[] lookup) {}

    private static VaultKeys keys(HikariDataSource pool, VaultProperties properties) {
        return new VaultKeys(
                new JdbcTemplate(pool), new DataSourceTransactionManager(pool), properties, Clock.systemUTC());
    }

    private static HikariDataSource pool(TestDatabases.Database db) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(THREADS_PER_PROCESS + 1);
        return pool;
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
