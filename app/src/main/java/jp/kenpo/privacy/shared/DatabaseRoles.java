package jp.kenpo.privacy.shared;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two database roles of a PostgreSQL deployment: the migration owner, who owns the tables and
 * runs Flyway ({@code KENPO_DB_MIGRATION_USER}, {@code KENPO_DB_MIGRATION_PASSWORD}), and the
 * runtime role the application connects as ({@code KENPO_DB_USER}), which may not change the
 * append-only tables or disable their triggers. With one role for both, nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

    /** Flyway connects as the migration owner, when one is configured, to the application's database. */
    @Bean
    FlywayConfigurationCustomizer migrationOwner(
            @Value("${spring.datasource.url}") String url,
            @Value("${kenpo.db.migration-user:}") String user,
            @Value("${kenpo.db.migration-password:}") String password) {
        return configuration -> {
            if (!user.isBlank()) {
                configuration.dataSource(url, user, password);
            }
        };
    }

    /** After every migration, the runtime role is granted what it needs of the tables there are now. */
    @Bean
    Callback runtimeRoleGrants(@Value("${spring.datasource.username:}") String runtimeRole) {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    Connection c = context.getConnection();
                    if (runtimeRole.isBlank() || !c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                        return;
                    }
                    // the function (migration 14.1) grants nothing when Flyway runs as the runtime role itself
                    try (var grant = c.prepareStatement("select kenpo_grant_runtime_role(?)")) {
                        grant.setString(1, runtimeRole);
                        grant.execute();
                    }
                } catch (SQLException e) {
                    throw new FlywayException(
                            "could not grant the runtime role " + runtimeRole + " its rights on the tables: "
                                    + e.getMessage(),
                            e);
                }
            }

            @Override
            public String getCallbackName() {
                return "kenpo runtime role grants";
            }
        };
    }
}
