package jp.kenpo.privacy.cli;

import java.util.function.Supplier;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.kenpo.privacy.KenpoApplication;

/** The application without its web server, started on first use by a command that needs it. */
final class LazyApplication implements Supplier<ConfigurableApplicationContext>, AutoCloseable {

    private ConfigurableApplicationContext context;

    @Override
    public synchronized ConfigurableApplicationContext get() {
        if (context == null) {
            context = new SpringApplicationBuilder(KenpoApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("logging.level.root=WARN", "kenpo.log.console-target=System.err",
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
