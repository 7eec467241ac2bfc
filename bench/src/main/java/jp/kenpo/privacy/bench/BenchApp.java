package jp.kenpo.privacy.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import jp.kenpo.privacy.KenpoApplication;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.members.InsurerNumber;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.mynumber.VaultKeyFiles;

/**
 * The application (no web server) on a fresh benchmark database, with a master key file made
 * for the run, and synthetic members. No real person's data.
 */
public final class BenchApp {

    private BenchApp() {
    }

    public static ConfigurableApplicationContext start(BenchDatabase db, int poolSize) throws Exception {
        Path dir = Files.createTempDirectory("kenpo-bench-keys");
        Path key = dir.resolve("master.key");
        VaultKeyFiles.generate(key);
        key.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        // as arguments: they outrank application.yml's database (default properties would not)
        var app = new SpringApplicationBuilder(KenpoApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.hikari.maximum-pool-size=" + poolSize, "--logging.level.root=WARN",
                        "--kenpo.mynumber.master-key=file:" + key);
        String url = app.getEnvironment().getProperty("spring.datasource.url");
        if (!db.url().equals(url)) {
            app.close();
            throw new IllegalStateException("the benchmark would run on " + url + ", not on " + db.url());
        }
        return app;
    }

    /** Registers {@code count} insured persons B{n/1000}-{n}-00, a hundred thousand per import. */
    public static List<MemberKey> register(MemberRegistry registry, int count) {
        String insurer = "061399" + "1" + InsurerNumber.checkDigit("0613991");
        var keys = new ArrayList<MemberKey>(count);
        for (int from = 1; from <= count; from += 100_000) {
            var csv = new StringBuilder(12_000_000).append(
                    "insurer_number,symbol,number,branch,kind,insured_branch,name_kanji,name_kana,sex,birth_date,acquired_on,lost_on\n");
            for (int i = from; i < Math.min(count + 1, from + 100_000); i++) {
                csv.append(insurer).append(",B").append(i / 1000).append(',').append(i)
                        .append(",00,insured,,試験 太郎,シケン タロウ,1,1980-04-01,2020-04-01,\n");
                keys.add(new MemberKey("B" + i / 1000, Integer.toString(i), "00"));
            }
            registry.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv",
                    StandardCharsets.UTF_8, false);
        }
        return keys;
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
