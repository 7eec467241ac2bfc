package jp.kenpo.privacy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jp.kenpo.privacy.KenpoApplication;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.mynumber.VaultKeyFiles;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The application (no web server) on a fresh benchmark database, with a master key file made
 * for the run, and synthetic members. No real person's data.
 */
public final class BenchApp {

    private BenchApp() {}

    public static ConfigurableApplicationContext start(BenchDatabase db, int poolSize) throws Exception {
        Path key = masterKey(db);
        // as arguments: they outrank application.yml's database (default properties would not)
        var app = new SpringApplicationBuilder(KenpoApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                        "--logging.level.root=WARN",
                        // a kept database may hold migrations of a branch merged later
                        "--spring.flyway.out-of-order=" + db.kept(),
                        "--kenpo.mynumber.master-key=file:" + key);
        String url = app.getEnvironment().getProperty("spring.datasource.url");
        if (!db.url().equals(url)) {
            app.close();
            throw new IllegalStateException("the benchmark would run on " + url + ", not on " + db.url());
        }
        return app;
    }

    /**
     * The vault's master key file for the database: a kept database's own, made when it was first
     * loaded (its vault rows are wrapped by it); for a fresh one, a key made for the run.
     */
    public static Path masterKey(BenchDatabase db) throws java.io.IOException {
        Path key;
        if (db.kept()) {
            key = BenchData.path("keys", db.name() + ".master.key");
            if (!Files.exists(key)) {
                Files.createDirectories(key.getParent());
                VaultKeyFiles.generate(key);
            }
        } else {
            Path dir = Files.createTempDirectory("kenpo-bench-keys");
            key = dir.resolve("master.key");
            VaultKeyFiles.generate(key);
            key.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
        }
        return key;
    }

    /**
     * Registers {@code count} insured persons B{n/1000}-{n}-00, eligible from 2020-04-01, with SQL on
     * PostgreSQL: the importer's speed is not what these benchmarks measure. One registry revision,
     * as one import would make.
     */
    public static List<MemberKey> register(JdbcTemplate jdbc, int count) {
        String insurer = "061399" + "1" + InsurerNumber.checkDigit("0613991");
        jdbc.update("update registry_revision set revision = revision + 1 where id = 1");
        jdbc.update("""
                insert into member (insurer_number, symbol, number, branch, kind, name_kanji, name_kana, sex, birth_date, revision)
                select ?, 'B' || (i / 1000), i::text, '00', 'INSURED', '試験 太郎', 'シケン タロウ', 1, date '1980-04-01',
                       (select revision from registry_revision where id = 1)
                  from generate_series(1, ?) as i""", insurer, count);
        jdbc.update("insert into member_eligibility (member_id, acquired_on) select id, date '2020-04-01' from member");
        var keys = new ArrayList<MemberKey>(count);
        for (int i = 1; i <= count; i++) {
            keys.add(new MemberKey("B" + i / 1000, Integer.toString(i), "00"));
        }
        return keys;
    }

    /** The most heap the run has used so far (sum of the heap pools' peaks), and the heap's limit. */
    public static String heap() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // the pools peak at different moments: their sum is an upper bound of the heap's peak
        return String.format(
                "peak heap at most %,d MiB of a %,d MiB limit",
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Runs signed in as an account with the role, as a request of that account would. */
    public static <T> T as(String name, Role role, Supplier<T> work) {
        var who = new SignedIn(name, role, Optional.empty(), Set.of());
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, who.authorities()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
