package jp.kenpo.privacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kenpo.privacy.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A short command skips Flyway only when nothing is left to migrate; every other database is migrated. */
@Tag("database")
class CurrentSchemaTest {

    private final AtomicInteger migrations = new AtomicInteger();

    @Test
    void aCurrentSchemaIsNotMigratedAgain() {
        Flyway flyway = flyway("current-schema-current");
        flyway.migrate();
        migrations.set(0);

        assertThat(CurrentSchema.isCurrent(flyway.getConfiguration())).isTrue();
        new CurrentSchema().migrateUnlessCurrent().migrate(flyway);

        assertThat(migrations)
                .as("Flyway's migrate (its scan and validation) is not run")
                .hasValue(0);
    }

    @Test
    void anEmptyDatabaseIsMigrated() {
        Flyway flyway = flyway("current-schema-empty");

        assertThat(CurrentSchema.isCurrent(flyway.getConfiguration())).isFalse();
        new CurrentSchema().migrateUnlessCurrent().migrate(flyway);

        assertThat(migrations).hasValue(1);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(CurrentSchema.isCurrent(flyway.getConfiguration())).isTrue();
    }

    @Test
    void anOlderSchemaIsMigrated() {
        Flyway older = Flyway.configure()
                .configuration(flyway("current-schema-older").getConfiguration())
                .target(MigrationVersion.fromVersion("13"))
                .load();
        older.migrate();
        Flyway flyway = flyway("current-schema-older");
        assertThat(flyway.info().pending()).isNotEmpty();
        migrations.set(0);

        assertThat(CurrentSchema.isCurrent(flyway.getConfiguration())).isFalse();
        new CurrentSchema().migrateUnlessCurrent().migrate(flyway);

        assertThat(migrations).hasValue(1);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void aNewestMigrationChangedSinceItRanIsLeftToFlywaysValidation() throws SQLException {
        Flyway flyway = flyway("current-schema-changed");
        flyway.migrate();
        try (var c = flyway.getConfiguration().getDataSource().getConnection();
                var s = c.createStatement()) {
            s.executeUpdate(
                    "update \"flyway_schema_history\" set \"checksum\" = \"checksum\" + 1 where \"installed_rank\""
                            + " = (select max(\"installed_rank\") from \"flyway_schema_history\")");
        }

        assertThat(CurrentSchema.isCurrent(flyway.getConfiguration())).isFalse();
    }

    /** The application's migrations, on a database of the test's own, counting the migrate runs. */
    private Flyway flyway(String name) {
        var db = TestDatabases.named(name);
        return Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/" + (TestDatabases.postgres() ? "postgresql" : "h2"))
                .callbacks(new Callback() {
                    @Override
                    public boolean supports(Event event, Context context) {
                        return event == Event.BEFORE_MIGRATE;
                    }

                    @Override
                    public boolean canHandleInTransaction(Event event, Context context) {
                        return true;
                    }

                    @Override
                    public void handle(Event event, Context context) {
                        migrations.incrementAndGet();
                    }

                    @Override
                    public String getCallbackName() {
                        return "count migrations";
                    }
                })
                .load();
    }
}
