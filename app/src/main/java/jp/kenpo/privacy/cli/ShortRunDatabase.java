package jp.kenpo.privacy.cli;

import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded H2 database as a short command opens it: without the background compaction of
 * its file. A process that lives a second only starts rewriting the file's chunks, and then
 * waits for that work when it closes the database — seconds of a one-member command spent on a
 * file of a million members. The server, which lives long enough, compacts it; so do the long
 * commands (imports, verifications), which keep H2's default.
 */
final class ShortRunDatabase {

    /** The H2 setting (a fill rate of 0 turns the background compaction off). */
    static final String SETTING = "AUTO_COMPACT_FILL_RATE";

    private ShortRunDatabase() {}

    /** Turns the compaction off when the configured database is an H2 file this process opens itself. */
    static void apply(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        String upper = url.toUpperCase(Locale.ROOT);
        boolean embeddedFile = upper.startsWith("JDBC:H2:")
                && !upper.startsWith("JDBC:H2:MEM:")
                && !upper.startsWith("JDBC:H2:TCP:")
                && !upper.startsWith("JDBC:H2:SSL:");
        if (embeddedFile && !upper.contains(SETTING)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "kenpo-short-run-database",
                            Map.of("spring.datasource.hikari.data-source-properties." + SETTING, "0")));
        }
    }
}
