package jp.kenpo.privacy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.kenpo.privacy.KenpoApplication;

/** The application without its web server, on a benchmark's database. */
public final class BenchApplication {

    private BenchApplication() {
    }

    public static ConfigurableApplicationContext start(BenchDatabase db, String... properties) {
        var all = new java.util.ArrayList<String>(java.util.List.of("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(), "logging.level.root=WARN"));
        all.addAll(java.util.List.of(properties));
        return new SpringApplicationBuilder(KenpoApplication.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(all.toArray(String[]::new)).run();
    }

    /** The most heap the run has used so far (sum of the heap pools' peaks), and the heap's limit. */
    public static String heap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format("peak heap %,d MiB of a %,d MiB limit", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
