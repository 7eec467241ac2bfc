package jp.kenpo.privacy.bench.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.kenpo.privacy.bench.BenchData;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;

/**
 * Makes (once) one receipt file of at least the asked size from a synthetic population: the
 * generator's monthly files, their end-of-file marks dropped, one after the other. The result is
 * one valid receipt file with many IR/YK … GO facility groups. Kept under bench-out/ (git-ignored)
 * so that later runs reuse it.
 */
final class BigReceiptFile {

    private BigReceiptFile() {}

    static Path ensure(Path dir, long minBytes) throws IOException {
        Path file = dir.resolve(BenchData.name("receipts-" + (minBytes >> 20) + "MB.UKE"));
        if (Files.exists(file) && Files.size(file) >= minBytes) {
            return file;
        }
        Files.createDirectories(dir);
        // about 3 KB of receipts per person-year; ask for a little more than needed
        int persons = (int) Math.max(1_000, minBytes / 2_700);
        Path work = dir.resolve("population-" + persons);
        System.err.printf(
                "making a receipt file of at least %,d MB from %,d synthetic persons…%n", minBytes >> 20, persons);
        SyntheticYear.write(new SyntheticYear.Options(persons, 2024, 20_240_401L, 0), work, (d, t) -> {});
        List<Path> parts;
        try (Stream<Path> s = Files.list(work.resolve("claims"))) {
            parts = s.sorted(Comparator.naturalOrder()).toList();
        }
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 20];
            for (Path p : parts) {
                long size = Files.size(p);
                long left = size - 1; // drop the trailing 0x1A
                try (InputStream in = Files.newInputStream(p)) {
                    while (left > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) {
                            break;
                        }
                        out.write(buf, 0, n);
                        left -= n;
                    }
                }
            }
        }
        deleteTree(work);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(file) < minBytes) {
            Files.delete(file);
            throw new IOException(
                    "the population made only " + Files.size(file) + " bytes; raise the persons per byte estimate");
        }
        return file;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
