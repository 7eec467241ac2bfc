package jp.kenpo.privacy.cli;

import java.util.function.Supplier;
import jp.kenpo.privacy.KenpoApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, started on first use by a command that needs it.
 * Nothing in it loads the whole registry unless the command asks for everyone: the decision
 * index is loaded by a batch (or the server's warm-up), never by a single decision.
 */
final class LazyApplication implements Supplier<ConfigurableApplicationContext>, AutoCloseable {

    /** Set by {@code ./kenpo} for the commands that are over in a second or two. */
    static final String SHORT_RUN = "kenpo.cli.short-run";

    /** Set by Spring while the build prepares the short commands' context ahead of time. */
    static final String AOT_PROCESSING = "spring.aot.processing";

    /**
     * The one setting a bean condition may read: the build prepares the short commands' context
     * with it (Spring AOT), and the launcher runs exactly those commands with that context, where
     * every condition was decided at build time (AheadOfTimeContextTest).
     */
    static final String SKIP_FLYWAY_WHEN_CURRENT = "kenpo.flyway.skip-when-current";

    private final boolean shortRun;
    private ConfigurableApplicationContext context;

    LazyApplication(boolean shortRun) {
        this.shortRun = shortRun;
    }

    @Override
    public synchronized ConfigurableApplicationContext get() {
        if (context == null) {
            var builder = new SpringApplicationBuilder(KenpoApplication.class);
            if (shortRun) {
                // Flyway's scan and validation of every migration, skipped when nothing is left to migrate
                builder.properties(SKIP_FLYWAY_WHEN_CURRENT + "=true");
                builder.listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>)
                        prepared -> ShortRunDatabase.apply(prepared.getEnvironment()));
            }
            // the generated context of a build is found by this class's name
            context = builder.main(KenpoApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(
                            "logging.level.root=WARN",
                            "kenpo.log.console-target=System.err",
                            // a start-up failure is told once, by CliErrors
                            "logging.level.org.springframework.boot.SpringApplication=OFF",
                            "spring.main.lazy-initialization=true")
                    .run();
        }
        return context;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
