package jp.kenpo.privacy.bench.formats;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptReader;

/**
 * Parse rate of the receipt reader on a generated receipt file of at least 1 GB, side by side in
 * the same run with FastCSV's raw tokenize rate on the same file (Windows-31J, every record and
 * field). Rounds alternate between the two so that both see the same machine; the best and the
 * median round of each are printed.
 *
 * <pre>bench/run formats.ReceiptParseRate [--size-mb 1024] [--rounds 3] [--dir bench-out/formats]</pre>
 */
public final class ReceiptParseRate {

    private ReceiptParseRate() {}

    public static void main(String[] args) throws IOException {
        long sizeMb = 1024;
        int rounds = 3;
        Path dir = Path.of("bench-out", "formats");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path file = BigReceiptFile.ensure(dir, sizeMb << 20);
        long bytes = Files.size(file);
        System.out.printf("file %s: %,d bytes (%.0f MB)%n", file, bytes, bytes / 1e6);
        double[] csvSeconds = new double[rounds];
        double[] readerSeconds = new double[rounds];
        long records = 0;
        long receipts = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            records = fastCsvTokenize(file);
            csvSeconds[r] = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            receipts = readReceipts(file);
            readerSeconds[r] = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "round %d: FastCSV %.2f s (%,d records), ReceiptReader %.2f s (%,d receipts)%n",
                    r + 1, csvSeconds[r], records, readerSeconds[r], receipts);
        }
        report("FastCSV raw tokenize", bytes, records, "records", csvSeconds);
        report("ReceiptReader      ", bytes, receipts, "receipts", readerSeconds);
        double ratioBest = min(csvSeconds) / min(readerSeconds);
        double ratioMedian = median(csvSeconds) / median(readerSeconds);
        System.out.printf(
                "ReceiptReader / FastCSV throughput: %.2f (best rounds), %.2f (median rounds); target >= 0.70%n",
                ratioBest, ratioMedian);
        System.out.printf(
                "heap: -Xmx%,d MB, available processors %d%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    }

    /** FastCSV over the same bytes: records split into fields, every field a String. */
    static long fastCsvTokenize(Path file) throws IOException {
        long records = 0;
        long fields = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(file, Charset.forName("windows-31j"))) {
            for (CsvRecord rec : csv) {
                records++;
                fields += rec.getFieldCount() + rec.getField(0).length();
            }
        }
        if (fields == 0) {
            throw new IllegalStateException("nothing read");
        }
        return records;
    }

    /** The module's reader: every receipt assembled and every field it models converted. */
    static long readReceipts(Path file) throws IOException {
        long receipts = 0;
        long check = 0;
        int[] errors = {0};
        try (ReceiptReader reader = ReceiptReader.open(file, ReadMode.LENIENT, e -> errors[0]++)) {
            for (Receipt r; (r = reader.next()) != null; ) {
                receipts++;
                check +=
                        r.diagnoses().size() + r.procedures().size() + r.drugs().size();
            }
        }
        if (errors[0] > 0 || check == 0) {
            throw new IllegalStateException(errors[0] + " errors reading " + file);
        }
        return receipts;
    }

    private static void report(String what, long bytes, long units, String unitName, double[] seconds) {
        double best = min(seconds);
        double med = median(seconds);
        System.out.printf(
                "%s: best %.0f MB/s, %,.0f %s/s; median %.0f MB/s, %,.0f %s/s%n",
                what, bytes / 1e6 / best, units / best, unitName, bytes / 1e6 / med, units / med, unitName);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
