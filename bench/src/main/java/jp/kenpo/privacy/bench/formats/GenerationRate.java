package jp.kenpo.privacy.bench.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;

/**
 * Time to generate one fiscal year of a synthetic population (members CSV, receipt files and
 * checkup archives) on disk. Target: 1,000,000 members in under 3 minutes.
 *
 * <pre>bench/run formats.GenerationRate [--members 1000000] [--dir bench-out/formats] [--keep]</pre>
 */
public final class GenerationRate {

    private GenerationRate() {}

    public static void main(String[] args) throws IOException {
        int members = 1_000_000;
        Path dir = Path.of("bench-out", "formats");
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--members" -> members = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path out = dir.resolve("generated-" + members);
        BigReceiptFile.deleteTree(out);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        long[] last = {t0};
        SyntheticYear.Summary s =
                SyntheticYear.write(new SyntheticYear.Options(members, 2024, 1, 0), out, (done, total) -> {
                    long now = System.nanoTime();
                    if (now - last[0] > 10_000_000_000L) {
                        last[0] = now;
                        System.err.printf("  %,d / %,d persons, %.0f s%n", done, total, (now - t0) / 1e9);
                    }
                });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "generated %,d persons (%,d member rows), %,d receipts (%,d MB of receipt files), %,d checkups in %,d archives%n",
                s.persons(),
                s.memberRows(),
                s.totalReceipts(),
                s.receiptBytes() >> 20,
                s.checkups(),
                s.checkupArchives());
        System.out.printf(
                "generation: %.1f s (%,.0f persons/s, %,.0f receipts/s); target < 180 s for 1,000,000 members%n",
                seconds, s.persons() / seconds, s.totalReceipts() / seconds);
        System.out.printf(
                "heap: -Xmx%,d MB, available processors %d%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        if (!keep) {
            BigReceiptFile.deleteTree(out);
        }
    }
}
