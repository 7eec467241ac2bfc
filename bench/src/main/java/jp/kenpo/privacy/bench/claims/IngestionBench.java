package jp.kenpo.privacy.bench.claims;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchData;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportProgress;
import jp.kenpo.privacy.claims.ImportedFile;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import jp.kenpo.privacy.members.ImportReport;
import jp.kenpo.privacy.members.MemberImport;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingestion of one synthetic year into PostgreSQL (issue 4 target: 100,000 members' year, about
 * 1,000,000 receipts, under 5 minutes on 2 cores with bounded memory): the members, every receipt
 * file and every checkup archive, through the same service as {@code ./kenpo claims import}.
 *
 * <p>Run: {@code BENCH_JAVA_OPTS=-Xmx1g bench/run claims.IngestionBench [members] [seed]}. The year is
 * generated once into bench-out/ and reused.
 */
public final class IngestionBench {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path year = BenchData.path("ingestion", members + "-" + seed);
        if (!Files.exists(year.resolve("members.csv"))) {
            System.out.printf("generating %,d members' year into %s…%n", members, year);
            SyntheticYear.write(new SyntheticYear.Options(members, 2024, seed, 0), year, (d, t) -> {});
        }
        try (var db = new BenchDatabase("ingestion");
                ConfigurableApplicationContext app = BenchApp.start(db, 4)) {
            long t0 = System.nanoTime();
            ImportReport m;
            m = BenchApp.as("bench-clerk", Role.CLERK, () -> {
                try (InputStream in = Files.newInputStream(year.resolve("members.csv"))) {
                    return app.getBean(MemberImport.class).importCsv(in, "members.csv", StandardCharsets.UTF_8, false);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long t1 = System.nanoTime();
            var importer = app.getBean(HealthDataImport.class);
            List<ImportedFile> receipts = BenchApp.as(
                    "bench-clerk",
                    Role.CLERK,
                    () -> importer.importReceipts(
                            year.resolve("claims"), ReadMode.STRICT, "bench", ImportProgress.NONE));
            long t2 = System.nanoTime();
            List<ImportedFile> checkups = BenchApp.as(
                    "bench-clerk",
                    Role.CLERK,
                    () -> importer.importCheckups(
                            year.resolve("checkups"), ReadMode.STRICT, "bench", ImportProgress.NONE));
            long t3 = System.nanoTime();
            int r = receipts.stream().mapToInt(ImportedFile::linked).sum();
            int c = checkups.stream().mapToInt(ImportedFile::linked).sum();
            var notImported = java.util.stream.Stream.concat(receipts.stream(), checkups.stream())
                    .filter(f -> f.outcome() != ImportedFile.Outcome.IMPORTED)
                    .toList();
            notImported.forEach(f ->
                    System.out.printf("NOT IMPORTED %s (%s): %s%n", f.file().getFileName(), f.outcome(), f.problem()));
            long failed = notImported.size();
            // what the database holds, not what the importer says it stored
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            long storedReceipts = jdbc.queryForObject("select count(*) from receipt", Long.class);
            long storedCheckups = jdbc.queryForObject("select count(*) from checkup", Long.class);
            long quarantined = jdbc.queryForObject("select count(*) from health_data_quarantine", Long.class);
            int read = java.util.stream.Stream.concat(receipts.stream(), checkups.stream())
                    .mapToInt(ImportedFile::records)
                    .sum();
            // an unchanged receipt is counted among the linked, an unchanged checkup is not
            int receiptsUnchanged =
                    receipts.stream().mapToInt(ImportedFile::unchanged).sum();
            int checkupsUnchanged =
                    checkups.stream().mapToInt(ImportedFile::unchanged).sum();
            System.out.printf(
                    "stored: %,d receipts, %,d checkups, %,d in quarantine, %,d unchanged (already stored), "
                            + "of %,d records read%s%n",
                    storedReceipts,
                    storedCheckups,
                    quarantined,
                    receiptsUnchanged + checkupsUnchanged,
                    read,
                    storedReceipts + storedCheckups + quarantined + receiptsUnchanged + checkupsUnchanged == read
                                    && storedReceipts == r - receiptsUnchanged
                                    && storedCheckups == c
                            ? ""
                            : "  MISMATCH");
            System.out.printf(
                    "members:  %,d rows in %.1f s (the registry import, before the year)%n",
                    m.rowsRead(), (t1 - t0) / 1e9);
            System.out.printf(
                    "receipts: %,d linked from %d files in %.1f s (%,.0f receipts/s)%n",
                    r, receipts.size(), (t2 - t1) / 1e9, r / ((t2 - t1) / 1e9));
            System.out.printf("checkups: %,d linked from %d archives in %.1f s%n", c, checkups.size(), (t3 - t2) / 1e9);
            System.out.printf(
                    "one year into PostgreSQL: %.1f s in all, %d files not imported; %s%n",
                    (t3 - t0) / 1e9, failed, BenchApp.heap());
        }
    }
}
