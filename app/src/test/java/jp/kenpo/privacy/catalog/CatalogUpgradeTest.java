package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.OffsetDateTime;
import jp.kenpo.privacy.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A society that published its catalog before purposes stated {@code my_number_use} keeps, after
 * the upgrade, what each purpose allowed then: its stored file is read with the rule of its time.
 */
@Tag("database")
class CatalogUpgradeTest {

    @Test
    void aCatalogPublishedBeforeTheFieldKeepsItsMyNumberPurposes() {
        var db = TestDatabases.named("catalog-upgrade");
        String before = CatalogFixtures.defaultSource().replaceAll("            my_number_use: true\n", "");
        // migrated through a pool that stays open, as the application's is (see VaultKeyCreationTest)
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            var locations = new String[] {
                "classpath:db/migration/common",
                "classpath:db/migration/" + (TestDatabases.postgres() ? "postgresql" : "h2")
            };
            Flyway.configure()
                    .dataSource(pool)
                    .locations(locations)
                    .target("10")
                    .load()
                    .migrate();
            var jdbc = new JdbcTemplate(pool);
            jdbc.update("""
                    insert into catalog_version (version, effective_from, published_at, published_by, source_sha256, source)
                    values (1, date '2025-04-01', ?, 'kenpo (default catalog)', ?, ?)""", OffsetDateTime.parse("2025-03-01T00:00:00Z"), CatalogService.sha256(before), before);
            Flyway.configure().dataSource(pool).locations(locations).load().migrate();

            Catalog upgraded = new CatalogService(jdbc, Clock.systemUTC(), null).catalog();

            assertThat(upgraded.latest().orElseThrow().purposes())
                    .filteredOn(Purpose::usesIndividualNumbers)
                    .extracting(p -> p.code().toString())
                    .containsExactly("1.3", "1.8", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6");
        }
    }
}
