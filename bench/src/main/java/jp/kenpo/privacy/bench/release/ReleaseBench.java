package jp.kenpo.privacy.bench.release;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchData;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportProgress;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.release.ReleaseRecord;
import jp.kenpo.privacy.release.ReleaseService;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole year's anonymized release on PostgreSQL: the generator's population (fiscal year 2025)
 * is imported through the real importers (not timed), then {@code examples/releases/monthly.yaml}
 * widened to the twelve months is built, checked and sealed, timed from the call to the sealed
 * archive. Prints the time, the share of each phase (from the registry row's figures), the
 * persons released unsuppressed at k = 5, the information loss and the peak heap.
 *
 * <p>Run from the repository root: {@code bench/run release.ReleaseBench [members] [seed] [load]}
 * (default 100,000 members). With {@code BENCH_JAVA_OPTS="-Xmx4g -Dbench.pg.keep=NAME"} the imported
 * year is kept in database NAME and later runs build from it; {@code load} stops after the import.
 */
public final class ReleaseBench {

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path year = BenchData.path("release", members + "-" + seed);
        if (!Files.exists(year.resolve("members.csv"))) {
            System.out.printf("generating %,d members' year into %s…%n", members, year);
            SyntheticYear.write(new SyntheticYear.Options(members, 2025, seed, 0), year, (d, t) -> {});
        }
        String spec = Files.readString(Path.of("examples", "releases", "monthly.yaml"), StandardCharsets.UTF_8)
                .replace("to: 2025-04", "to: 2026-03");
        String key = Files.readString(Path.of("examples", "releases", "example-vendor.public.asc"));
        try (var db = new BenchDatabase("release");
                ConfigurableApplicationContext app = BenchApp.start(db, 4)) {
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            boolean loaded = jdbc.queryForObject("select count(*) from member", Long.class) > 0;
            long i0 = System.nanoTime();
            if (!loaded)
                BenchApp.as("bench-officer", Role.PRIVACY_OFFICER, () -> {
                    try (InputStream in = Files.newInputStream(year.resolve("members.csv"))) {
                        app.getBean(MemberImport.class).importCsv(in, "members.csv", StandardCharsets.UTF_8, false);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    var importer = app.getBean(HealthDataImport.class);
                    importer.importReceipts(year.resolve("claims"), ReadMode.STRICT, "bench", ImportProgress.NONE);
                    importer.importCheckups(year.resolve("checkups"), ReadMode.STRICT, "bench", ImportProgress.NONE);
                    return app.getBean(RecipientRegister.class)
                            .add(new NewRecipient(
                                    "EXAMPLE-VENDOR",
                                    RecipientKind.THIRD_PARTY,
                                    "株式会社見本レセプト分析",
                                    "東京都千代田区見本町1-2-3",
                                    "代表取締役 見本 一郎",
                                    List.of(new PurposeCode(9, 1)),
                                    "EX-2025-01",
                                    LocalDate.of(2025, 4, 1),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(key)));
                });
            // the planner's statistics, as autovacuum would gather them on a running society (the test
            // server runs without it): without them the reads of the year are planned as nested loops
            Long unanalysed = jdbc.queryForObject(
                    "select count(*) from pg_stat_user_tables where relname in ('receipt', 'receipt_diagnosis',"
                            + " 'receipt_procedure', 'receipt_drug', 'checkup', 'checkup_observation')"
                            + " and last_analyze is null and last_autoanalyze is null",
                    Long.class);
            if (!loaded || unanalysed > 0) {
                long a0 = System.nanoTime();
                jdbc.execute("analyze");
                System.out.printf("analyzed (not timed) in %.0f s%n", (System.nanoTime() - a0) / 1e9);
            }
            System.out.printf(
                    (loaded ? "already loaded in " + db.name() + ", " : "")
                            + "imported (not timed) in %.0f s: %,d members, %,d receipts, %,d diagnoses, %,d checkups%n",
                    (System.nanoTime() - i0) / 1e9,
                    jdbc.queryForObject("select count(*) from member", Long.class),
                    jdbc.queryForObject("select count(*) from receipt", Long.class),
                    jdbc.queryForObject("select count(*) from receipt_diagnosis", Long.class),
                    jdbc.queryForObject("select count(*) from checkup", Long.class));
            if (args.length > 2 && args[2].equals("load")) {
                return;
            }
            Path out = BenchData.path("release", "out-" + System.currentTimeMillis());
            Files.createDirectories(out.getParent());
            // the peak heap of the build alone, not of the import before it
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            double load0 = loadAverage();
            long t0 = System.nanoTime();
            ReleaseRecord r = BenchApp.as(
                    "bench-officer",
                    Role.PRIVACY_OFFICER,
                    () -> app.getBean(ReleaseService.class).build(spec, "monthly.yaml (2025-04 to 2026-03)", out));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "whole-year release %s: %.1f s from build to sealed archive; %s%n",
                    r.releaseId(), seconds, BenchApp.heap());
            System.out.println("figures (phases in seconds, population, rows, processing, risk): "
                    + r.figures().replaceAll("\\s+", " "));
            var figures = JsonMapper.builder().build().readTree(r.figures());
            System.out.printf(
                    "shares of the %.1f s (load average %.1f before, %.1f after):%n", seconds, load0, loadAverage());
            double phases = 0;
            for (var phase : figures.get("seconds").properties()) {
                double s = phase.getValue().asDouble();
                // the writing thread's time overlaps the reads: shown, not added
                boolean alongside = phase.getKey().contains("alongside");
                if (!alongside) {
                    phases += s;
                }
                System.out.printf(
                        "  %5s  %6.1f s  %s%n",
                        alongside ? "" : String.format("%.1f %%", 100 * s / seconds), s, phase.getKey());
            }
            System.out.printf(
                    "  %5.1f %%  %6.1f s  the rest (spec check, quasi-identifiers and risk of the persons, documents, registry row, audit)%n",
                    100 * (seconds - phases) / seconds, seconds - phases);
            var population = figures.get("population");
            var risk = figures.get("risk");
            System.out.printf(
                    "persons released unsuppressed at k = 5: %.2f %% (%,d of %,d in scope); information loss %.4f;"
                            + " prosecutor risk at most %.3f (average %.4f); records at risk %d%n",
                    100 * risk.get("releasedShare").asDouble(),
                    population.get("released").asLong(),
                    population.get("in scope").asLong(),
                    risk.get("informationLoss").asDouble(),
                    risk.get("prosecutorHighest").asDouble(),
                    risk.get("prosecutorAverage").asDouble(),
                    risk.get("recordsAtRisk").asLong());
        }
    }
}
