package jp.kenpo.privacy.bench.release;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jp.kenpo.privacy.release.CoverStatement;
import jp.kenpo.privacy.release.DeliveryMethod;
import jp.kenpo.privacy.release.ReleaseArchive;
import jp.kenpo.privacy.release.ReleaseSeal;
import jp.kenpo.privacy.release.SealedRelease;

/**
 * Time to seal a release of the shape a year of anonymized data has: a person table and a
 * receipt table of pseudonymized rows (random values from a fixed seed — no personal data, and
 * the seal reads bytes, not meanings), sealed ELECTRONIC to the example vendor's test key and
 * PHYSICAL_MEDIA without a key. Reports MB/s of staged data for each.
 *
 * <p>{@code bench/run release.SealThroughput [RECEIPT_ROWS] [RUNS]}, from the repository root;
 * 10,000,000 receipt rows (one year of 1,000,000 members) by default, persons a tenth of that.
 */
public final class SealThroughput {

    private SealThroughput() {}

    public static void main(String[] args) throws IOException {
        long receipts = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path key = Path.of("examples/releases/example-vendor.public.asc");
        if (!Files.exists(key)) {
            System.err.println("no " + key + "; run from the repository root");
            System.exit(2);
        }
        Path work = Files.createDirectories(Path.of("bench-out/release-seal"));
        deleteTree(work);
        Path staging = Files.createDirectories(work.resolve("staging"));
        long start = System.nanoTime();
        stage(staging, receipts);
        long staged = size(staging);
        System.out.printf(
                "staged %,d receipt rows, %,d person rows: %,.0f MB in %.1f s; JVM %s, %d cores%n",
                receipts,
                receipts / 10,
                staged / 1e6,
                (System.nanoTime() - start) / 1e9,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        var archive = new ReleaseArchive(Clock.systemUTC());
        String publicKey = Files.readString(key, StandardCharsets.US_ASCII);
        for (DeliveryMethod method : DeliveryMethod.values()) {
            Optional<String> recipientKey =
                    method == DeliveryMethod.ELECTRONIC ? Optional.of(publicKey) : Optional.empty();
            for (int run = 0; run < runs; run++) {
                Path target = work.resolve(method + "-" + run);
                long t0 = System.nanoTime();
                SealedRelease sealed = archive.seal(staging, seal(method, recipientKey), target);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long archiveBytes =
                        Files.size(target.resolve(ReleaseArchive.archiveName("R-BENCH", recipientKey.isPresent())));
                System.out.printf(
                        "%-14s %s run %d: %.1f s, %.0f MB/s of staged data; archive %,.0f MB%n",
                        method,
                        recipientKey.isPresent() ? "encrypted  " : "unencrypted",
                        run + 1,
                        seconds,
                        staged / 1e6 / seconds,
                        archiveBytes / 1e6);
                if (sealed.files().isEmpty()) {
                    throw new IllegalStateException("nothing sealed");
                }
                deleteTree(target);
            }
        }
        deleteTree(work);
    }

    private static ReleaseSeal seal(DeliveryMethod method, Optional<String> key) {
        var cover = new CoverStatement(
                "R-BENCH",
                "ベンチマーク健康保険組合",
                "ベンチマーク分析株式会社",
                "東京都千代田区例町1-2-3",
                LocalDate.of(2026, 12, 7),
                "2025-04〜2026-03",
                List.of("性別", "生年月", "レセプト履歴"),
                method);
        return new ReleaseSeal("R-BENCH", "0".repeat(64), cover, key);
    }

    private static void stage(Path staging, long receipts) throws IOException {
        var random = new SplittableRandom(20261207);
        var hex = HexFormat.of();
        long persons = Math.max(1, receipts / 10);
        byte[] pseudonym = new byte[32];
        try (BufferedWriter out = Files.newBufferedWriter(staging.resolve("persons.csv"))) {
            out.write("person,sex,birth_ym,insured,enrolled_ym,withdrawn_ym\n");
            for (long i = 0; i < persons; i++) {
                random.nextBytes(pseudonym);
                out.write(hex.formatHex(pseudonym) + "," + (1 + random.nextInt(2)) + ","
                        + (1935 + random.nextInt(85)) + "-" + month(random) + "," + random.nextInt(2) + ",2025-"
                        + month(random) + ",\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(staging.resolve("receipts.csv"))) {
            out.write("receipt,person,service_ym,kind,days,points\n");
            for (long i = 0; i < receipts; i++) {
                random.nextBytes(pseudonym);
                String receipt = hex.formatHex(pseudonym);
                random.nextBytes(pseudonym);
                out.write(receipt + "," + hex.formatHex(pseudonym) + ",2025-" + month(random) + ","
                        + (1 + random.nextInt(4)) + "," + (1 + random.nextInt(5)) + "," + random.nextInt(50_000)
                        + "\n");
            }
        }
        Files.writeString(staging.resolve("data-dictionary.md"), "# データ辞書（ベンチマーク）\n");
        Files.writeString(staging.resolve("report.json"), "{}\n");
    }

    private static String month(SplittableRandom random) {
        int m = 1 + random.nextInt(12);
        return m < 10 ? "0" + m : Integer.toString(m);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path p : files.toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        }
    }
}
