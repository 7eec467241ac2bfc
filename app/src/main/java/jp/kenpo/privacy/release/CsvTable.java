package jp.kenpo.privacy.release;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One release table written as CSV (UTF-8, a header, LF line ends, RFC 4180 quoting), its rows
 * ordered by the person's pseudonym and then the order they came in. The database hands rows over
 * in registry order, which follows when members joined; written in that order, the files would
 * tell the relative enrolment of persons whose enrolment the persons table generalised. Rows go
 * first to one of 256 bucket files by the pseudonym's first two hex digits; each bucket is then
 * sorted in memory (a 256th of the table) and appended, so memory stays bounded at any size.
 */
final class CsvTable implements AutoCloseable {

    private static final int BUCKETS = 256;

    private final Path target;
    private final Path work;
    private final List<String> header;
    private final BufferedWriter[] buckets = new BufferedWriter[BUCKETS];
    private long rows;
    private long sequence;

    CsvTable(Path directory, String name, List<String> header) {
        this.target = directory.resolve(name + ".csv");
        this.work = directory.resolve("." + name + ".buckets");
        this.header = List.copyOf(header);
        try {
            Files.createDirectory(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a row; {@code order} is the pseudonym the row is filed under (32 hex digits). */
    void add(String order, List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + target.getFileName() + " has the wrong number of cells");
        }
        int bucket = Integer.parseInt(order, 0, 2, 16);
        try {
            if (buckets[bucket] == null) {
                buckets[bucket] =
                        Files.newBufferedWriter(work.resolve(Integer.toString(bucket)), StandardCharsets.UTF_8);
            }
            BufferedWriter w = buckets[bucket];
            w.write(order);
            w.write('\t');
            w.write(Long.toString(sequence++));
            w.write('\t');
            w.write(line(cells));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    Path file() {
        return target;
    }

    /** Sorts the buckets into the table's file and removes them. */
    @Override
    public void close() {
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(line(header));
            out.write('\n');
            for (int b = 0; b < BUCKETS; b++) {
                if (buckets[b] == null) {
                    continue;
                }
                buckets[b].close();
                Path file = work.resolve(Integer.toString(b));
                List<String[]> lines = new ArrayList<>();
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        int first = l.indexOf('\t');
                        int second = l.indexOf('\t', first + 1);
                        lines.add(new String[] {
                            l.substring(0, first), l.substring(first + 1, second), l.substring(second + 1)
                        });
                    }
                }
                lines.sort(
                        Comparator.<String[], String>comparing(l -> l[0]).thenComparingLong(l -> Long.parseLong(l[1])));
                for (String[] l : lines) {
                    out.write(l[2]);
                    out.write('\n');
                }
                Files.delete(file);
            }
            Files.delete(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.indexOf(',') >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        return sb.toString();
    }
}
