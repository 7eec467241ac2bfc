package jp.kenpo.privacy.release;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One release table written as CSV (UTF-8, a header, LF line ends, RFC 4180 quoting), its rows
 * ordered by the person's pseudonym and then by the row's place in the society's records (file,
 * record, line: {@code major}, {@code minor}). The database hands rows over in no set order;
 * written as they came, the files would tell the relative enrolment of persons whose enrolment the
 * persons table generalised, and two builds could differ. Rows go first to one of 256 bucket files
 * by the pseudonym's first two hex digits; each bucket is then sorted in memory (a 256th of the
 * table) and appended, so memory stays bounded at any size.
 *
 * <p>A row is the table's full list of cells ({@link ReleaseTable#columns()}); the file holds the
 * spec's columns of it. The buckets keep the rows as they came, so that what can only be decided
 * once the whole table has been read (a top-coding limit, a rare code, who the search suppressed)
 * is applied by a {@link Finish} on the way out, and the database is read once per table.
 */
final class CsvTable implements AutoCloseable {

    private static final int BUCKETS = 256;
    private static final int BUFFER = 1 << 16;
    private static final byte NULL = 0;
    private static final byte TEXT = 1;

    /** What is decided on the way out: may change the row's cells; false leaves the row out. */
    interface Finish {
        Finish NONE = (person, cells) -> true;

        boolean apply(String person, String[] cells);
    }

    private final Path target;
    private final Path work;
    private final List<String> header;
    private final int[] pick;
    private final int width;
    private final DataOutputStream[] buckets = new DataOutputStream[BUCKETS];
    private long added;
    private long rows;

    /** A table whose rows have the same cells as its file. */
    CsvTable(Path directory, String name, List<String> header) {
        this(directory, name, header, header);
    }

    /** A table whose rows have the cells {@code row}, of which the file holds {@code header}. */
    CsvTable(Path directory, String name, List<String> header, List<String> row) {
        this.target = directory.resolve(name + ".csv");
        this.work = directory.resolve("." + name + ".buckets");
        this.header = List.copyOf(header);
        this.width = row.size();
        this.pick = header.stream().mapToInt(row::indexOf).toArray();
        for (int i = 0; i < pick.length; i++) {
            if (pick[i] < 0) {
                throw new IllegalArgumentException("column " + header.get(i) + " is not in the rows of " + name);
            }
        }
        try {
            Files.createDirectory(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a row with no place of its own (one row per person, or rows added in their order). */
    void add(String order, String[] cells) {
        add(order, 0, 0, cells);
    }

    /**
     * Adds a row; {@code order} is the pseudonym the row is filed under (32 hex digits), and
     * {@code major}, {@code minor} its place among the person's rows (unique within the person).
     */
    void add(String order, long major, int minor, String[] cells) {
        if (cells.length != width) {
            throw new IllegalArgumentException("a row of " + target.getFileName() + " has the wrong number of cells");
        }
        int bucket = Integer.parseInt(order, 0, 2, 16);
        try {
            if (buckets[bucket] == null) {
                buckets[bucket] = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(work.resolve(Integer.toString(bucket))), BUFFER));
            }
            DataOutputStream w = buckets[bucket];
            w.writeUTF(order);
            w.writeLong(major);
            w.writeInt(minor);
            for (String cell : cells) {
                if (cell == null) {
                    w.writeByte(NULL);
                } else {
                    w.writeByte(TEXT);
                    w.writeUTF(cell);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        added++;
    }

    /** Rows written to the file (after {@link #close(Finish)}). */
    long rows() {
        return rows;
    }

    /** Rows added so far. */
    long added() {
        return added;
    }

    Path file() {
        return target;
    }

    @Override
    public void close() {
        close(Finish.NONE);
    }

    /** Sorts the buckets into the table's file, passing each row through {@code finish}, and removes them. */
    void close(Finish finish) {
        record Row(String order, long major, int minor, String[] cells) {}
        Comparator<Row> byPlace =
                Comparator.comparing(Row::order).thenComparingLong(Row::major).thenComparingInt(Row::minor);
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8), BUFFER)) {
            StringBuilder line = new StringBuilder(256);
            appendLine(line, header);
            out.append(line);
            for (int b = 0; b < BUCKETS; b++) {
                if (buckets[b] == null) {
                    continue;
                }
                buckets[b].close();
                Path file = work.resolve(Integer.toString(b));
                List<Row> lines = new ArrayList<>();
                try (DataInputStream in =
                        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
                    while (true) {
                        String order;
                        try {
                            order = in.readUTF();
                        } catch (EOFException end) {
                            break;
                        }
                        long major = in.readLong();
                        int minor = in.readInt();
                        String[] cells = new String[width];
                        for (int c = 0; c < width; c++) {
                            cells[c] = in.readByte() == NULL ? null : in.readUTF();
                        }
                        lines.add(new Row(order, major, minor, cells));
                    }
                }
                lines.sort(byPlace);
                for (Row r : lines) {
                    if (!finish.apply(r.order(), r.cells())) {
                        continue;
                    }
                    line.setLength(0);
                    for (int i = 0; i < pick.length; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        appendCell(line, r.cells()[pick[i]]);
                    }
                    line.append('\n');
                    out.append(line);
                    rows++;
                }
                Files.delete(file);
            }
            Files.delete(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the buckets of a table that will not be written (a failed build); the caller removes the folder. */
    void discard() {
        for (int b = 0; b < BUCKETS; b++) {
            if (buckets[b] != null) {
                try {
                    buckets[b].close();
                } catch (IOException e) {
                    // the folder is removed with the staging folder
                }
                buckets[b] = null;
            }
        }
    }

    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        appendLine(sb, cells);
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendCell(sb, cells.get(i));
        }
        sb.append('\n');
    }

    private static void appendCell(StringBuilder sb, String cell) {
        if (cell == null) {
            return;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(cell);
        }
    }
}
