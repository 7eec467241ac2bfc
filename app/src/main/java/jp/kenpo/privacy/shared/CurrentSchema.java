package jp.kenpo.privacy.shared;

import java.io.IOException;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether the database already holds every migration bundled with the application: as many
 * successful versioned migrations in its schema history as there are bundled, the last one
 * installed being the newest bundled, with the same checksum. A short command ({@code
 * kenpo.flyway.skip-when-current}, set by the command line) then skips Flyway's migrate, whose
 * scan and validation of every migration cost a tenth of a one-second command; an empty, older
 * or otherwise different database is migrated (or refused) by Flyway as ever. The server and the
 * long commands always run Flyway, and with it the validation of every applied migration.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CurrentSchema {

    /** Short commands skip the migration of a schema that is already current. */
    @Bean
    @ConditionalOnBooleanProperty("kenpo.flyway.skip-when-current")
    FlywayMigrationStrategy migrateUnlessCurrent() {
        return flyway -> {
            if (!isCurrent(flyway.getConfiguration())) {
                flyway.migrate();
            }
        };
    }

    /** A bundled versioned migration: its version and Flyway's checksum of its text. */
    private record Bundled(MigrationVersion version, Resource resource) {}

    /** True only when nothing is left to migrate; any doubt (no history, an unreadable file) answers false. */
    static boolean isCurrent(Configuration configuration) {
        Optional<List<Bundled>> bundled = bundled(configuration);
        if (bundled.isEmpty() || bundled.get().isEmpty()) {
            return false;
        }
        Bundled newest = bundled.get().stream()
                .max(Comparator.comparing(Bundled::version))
                .orElseThrow();
        String table = configuration.getDefaultSchema() == null
                ? quoted(configuration.getTable())
                : quoted(configuration.getDefaultSchema()) + "." + quoted(configuration.getTable());
        try (Connection c = configuration.getDataSource().getConnection();
                // Flyway names its history's columns in quoted lower case, on H2 as on PostgreSQL
                var count = c.prepareStatement("select count(*) from " + table
                        + " where \"success\" = true and \"version\" is not null and \"type\" <> 'BASELINE'");
                var last = c.prepareStatement("select \"version\", \"checksum\", \"success\" from " + table
                        + " where \"version\" is not null order by \"installed_rank\" desc")) {
            last.setMaxRows(1);
            try (var n = count.executeQuery();
                    var row = last.executeQuery()) {
                return n.next()
                        && n.getLong(1) == bundled.get().size()
                        && row.next()
                        && row.getBoolean("success")
                        && MigrationVersion.fromVersion(row.getString("version"))
                                .equals(newest.version())
                        && Integer.valueOf(checksum(newest.resource(), configuration.getEncoding()))
                                .equals(row.getObject("checksum", Integer.class));
            }
        } catch (SQLException | IOException noHistory) {
            // an empty database has no schema history (Flyway makes it); an unreadable file is Flyway's to report
            return false;
        }
    }

    /** The versioned SQL migrations in the configured locations; empty when any is of a kind this check does not know. */
    private static Optional<List<Bundled>> bundled(Configuration configuration) {
        var resolver = new PathMatchingResourcePatternResolver(configuration.getClassLoader());
        var found = new ArrayList<Bundled>();
        try {
            for (Location location : configuration.getLocations()) {
                if (!location.isClassPath()) {
                    return Optional.empty();
                }
                for (Resource r : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*")) {
                    String name = r.getFilename();
                    if (name == null || !r.isReadable()) {
                        continue;
                    }
                    boolean sql = Arrays.stream(configuration.getSqlMigrationSuffixes())
                            .anyMatch(name::endsWith);
                    if (!sql) {
                        continue;
                    }
                    String prefix = configuration.getSqlMigrationPrefix();
                    int separator = name.indexOf(configuration.getSqlMigrationSeparator());
                    if (!name.startsWith(prefix) || separator < 0) {
                        // a repeatable or otherwise named migration: leave it to Flyway
                        return Optional.empty();
                    }
                    found.add(new Bundled(
                            MigrationVersion.fromVersion(
                                    name.substring(prefix.length(), separator).replace('_', '.')),
                            r));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(found));
    }

    private static int checksum(Resource resource, Charset encoding) throws IOException {
        return ChecksumCalculator.calculate(new StringResource(resource.getContentAsString(encoding)));
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
