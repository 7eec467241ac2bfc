package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * is applied by a {@link Finish} on the way out, and the database is read once per table. A
 * bucket holds each cell as its UTF-8 bytes: the way out copies them to the file and makes text
 * only of the cells a {@link Finish} reads. (Made text, every cell of a year's 44 M rows was a
 * string read back, sorted with and encoded again: 68 s of a second thread at 1,000,000 members.)
 */
final class CsvTable implements AutoCloseable {

    private static final int BUCKETS = 256;
    private static final int BUFFER = 1 << 16;
    private static final int ORDER = 32;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** What is decided on the way out: may change the row's cells; false leaves the row out. */
    interface Finish {
        Finish NONE = row -> true;

        boolean apply(Row row);
    }

    private final Path target;
    private final Path work;
    private final List<String> header;
    private final int[] pick;
    private final int width;
    private final Out[] buckets = new Out[BUCKETS];
    private final byte[] record = new byte[ORDER + 12];
    private byte[] scratch = new byte[256];
    private long added;
    private long rows;
    private boolean closed;

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
     * {@code major}, {@code minor} its place among the person's rows (rows of one place keep the
     * order they were added in).
     */
    void add(String order, long major, int minor, String[] cells) {
        if (cells.length != width) {
            throw new IllegalArgumentException("a row of " + target.getFileName() + " has the wrong number of cells");
        }
        if (order.length() != ORDER) {
            throw new IllegalArgumentException("a row of " + target.getFileName() + " is filed under no pseudonym");
        }
        int bucket = Character.digit(order.charAt(0), 16) << 4 | Character.digit(order.charAt(1), 16);
        if (bucket < 0) {
            throw new IllegalArgumentException("a row of " + target.getFileName() + " is filed under no pseudonym");
        }
        try {
            if (buckets[bucket] == null) {
                buckets[bucket] = new Out(Files.newOutputStream(work.resolve(Integer.toString(bucket))));
            }
            Out w = buckets[bucket];
            // the pseudonym's hex digits are its bytes (getBytes made an array per row: 2 GB of a year)
            for (int i = 0; i < ORDER; i++) {
                record[i] = (byte) order.charAt(i);
            }
            LONG.set(record, ORDER, major);
            INT.set(record, ORDER + 8, minor);
            w.write(record);
            for (String cell : cells) {
                if (cell == null) {
                    w.write(0);
                    continue;
                }
                writeCell(w, cell);
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

    /** Sorts the buckets into the table's file, passing each row through {@code finish}, and removes them; once. */
    void close(Finish finish) {
        if (closed) {
            return;
        }
        closed = true;
        try (Out out = new Out(Files.newOutputStream(target))) {
            out.write(line(header).concat("\n").getBytes(StandardCharsets.UTF_8));
            Row row = new Row(width);
            // one buffer for all the buckets of the table: a new array for each (a year's 4.6 GB of
            // them, each as large as G1's regions) filled the old generation to a full collection
            byte[] bucket = new byte[0];
            for (int b = 0; b < BUCKETS; b++) {
                if (buckets[b] == null) {
                    continue;
                }
                buckets[b].close();
                Path file = work.resolve(Integer.toString(b));
                int length;
                try (FileChannel in = FileChannel.open(file)) {
                    long size = in.size();
                    if (size > Integer.MAX_VALUE - 16) {
                        throw new IOException("a bucket of " + target.getFileName() + " is beyond 2 GB");
                    }
                    if (bucket.length < size) {
                        bucket = new byte[(int) Math.min(Integer.MAX_VALUE - 16, size + (size >>> 3))];
                    }
                    length = (int) size;
                    ByteBuffer into = ByteBuffer.wrap(bucket, 0, length);
                    while (into.hasRemaining()) {
                        if (in.read(into) < 0) {
                            throw new IOException("a bucket of " + target.getFileName() + " was cut short");
                        }
                    }
                }
                int[] starts = starts(bucket, length);
                long[] prefixes = new long[starts.length];
                sort(bucket, starts, prefixes);
                for (int i = 0; i < starts.length; i++) {
                    row.at(bucket, starts[i], prefixes[i]);
                    if (finish != Finish.NONE && !finish.apply(row)) {
                        continue;
                    }
                    for (int c = 0; c < pick.length; c++) {
                        if (c > 0) {
                            out.write(',');
                        }
                        row.write(pick[c], out);
                    }
                    out.write('\n');
                    rows++;
                }
                Files.delete(file);
            }
            Files.delete(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where each row of a bucket starts, in the order the rows were added. */
    private int[] starts(byte[] bucket, int end) {
        int[] starts = new int[Math.max(16, end / 64)];
        int n = 0;
        int at = 0;
        while (at < end) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = at;
            at += ORDER + 12;
            for (int c = 0; c < width; c++) {
                int length = 0;
                int shift = 0;
                byte v;
                do {
                    v = bucket[at++];
                    length |= (v & 0x7f) << shift;
                    shift += 7;
                } while (v < 0);
                at += Math.max(0, (length >>> 1) - 1);
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * Puts the rows' starts in their order, and beside each its pseudonym's first 16 hex digits as
     * an unsigned number. A counting sort by the 16 bits after the bucket's own 8 spreads a bucket's
     * rows over 65,536 bins, each keeping the order its rows were added in, which is the records'
     * order as the database read them; an insertion sort then orders each bin by those digits and
     * {@link #compare}, and seldom moves a row: a bin holds one person's rows, nearly always, and
     * already in their place. (Comparing the rows' bytes in a general sort cost the writer a third
     * of its time; a library's radix sort, made stable, spent as much again on the stabilising.)
     */
    private static void sort(byte[] bucket, int[] starts, long[] prefixes) {
        int n = starts.length;
        long[] keys = new long[n];
        int[] bins = new int[(1 << 16) + 1];
        for (int i = 0; i < n; i++) {
            keys[i] = prefix(bucket, starts[i]);
            bins[bin(keys[i]) + 1]++;
        }
        for (int b = 1; b < bins.length; b++) {
            bins[b] += bins[b - 1];
        }
        int[] added = starts.clone();
        for (int i = 0; i < n; i++) {
            int at = bins[bin(keys[i])]++;
            starts[at] = added[i];
            prefixes[at] = keys[i];
        }
        for (int i = 1; i < n; i++) {
            int start = starts[i];
            long prefix = prefixes[i];
            int j = i - 1;
            while (j >= 0 && before(bucket, start, prefix, starts[j], prefixes[j])) {
                starts[j + 1] = starts[j];
                prefixes[j + 1] = prefixes[j];
                j--;
            }
            starts[j + 1] = start;
            prefixes[j + 1] = prefix;
        }
    }

    /** The 16 bits of the pseudonym after the first two hex digits (which chose the bucket). */
    private static int bin(long prefix) {
        return (int) (prefix >>> 40) & 0xffff;
    }

    /** Whether the row at {@code x} goes before the row at {@code y}. */
    private static boolean before(byte[] bucket, int x, long xPrefix, int y, long yPrefix) {
        int byPrefix = Long.compareUnsigned(xPrefix, yPrefix);
        return byPrefix != 0 ? byPrefix < 0 : compare(bucket, x, y) < 0;
    }

    /** The first 16 hex digits of the pseudonym a row is filed under, as an unsigned number. */
    private static long prefix(byte[] bucket, int start) {
        long value = 0;
        for (int i = start; i < start + 16; i++) {
            // a hex digit's value: '0'–'9' are 0x30–0x39, 'a'–'f' 0x61–0x66 (the pseudonyms' lower case)
            int b = bucket[i];
            value = value << 4 | ((b & 0xf) + 9 * (b >>> 6));
        }
        return value;
    }

    /** By pseudonym, then place, then the order the rows were added in (where they started). */
    private static int compare(byte[] bucket, int x, int y) {
        int byOrder = Arrays.compareUnsigned(bucket, x, x + ORDER, bucket, y, y + ORDER);
        if (byOrder != 0) {
            return byOrder;
        }
        int byMajor = Long.compare((long) LONG.get(bucket, x + ORDER), (long) LONG.get(bucket, y + ORDER));
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare((int) INT.get(bucket, x + ORDER + 8), (int) INT.get(bucket, y + ORDER + 8));
        return byMinor != 0 ? byMinor : Integer.compare(x, y);
    }

    /**
     * A cell's length and whether it must be quoted, then its UTF-8 bytes, so that the way out only
     * copies. Nearly every cell is ASCII (codes, numbers, months, pseudonyms): its bytes are its
     * characters, gathered in one pass with the quoting check and no array made per cell.
     */
    private void writeCell(Out w, String cell) throws IOException {
        int n = cell.length();
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
                writeLength(w, (bytes.length + 1) << 1 | (needsQuotes(bytes) ? 1 : 0));
                w.write(bytes);
                return;
            }
            quote |= c == ',' || c == '"' || c == '\n' || c == '\r';
            scratch[i] = (byte) c;
        }
        writeLength(w, (n + 1) << 1 | (quote ? 1 : 0));
        w.write(scratch, 0, n);
    }

    private static void writeLength(Out w, int length) throws IOException {
        while ((length & ~0x7f) != 0) {
            w.write((length & 0x7f) | 0x80);
            length >>>= 7;
        }
        w.write(length);
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

    /** A line of cells as written (no line end). */
    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (needsQuotes(cell)) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        return sb.toString();
    }

    private static boolean needsQuotes(byte[] cell) {
        for (byte b : cell) {
            if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean needsQuotes(String cell) {
        return cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
    }

    /**
     * A row on its way out: its person and its cells, made text only when read. A cell set here is
     * written instead of the one stored.
     */
    static final class Row {
        private final int[] from;
        private final int[] length;
        private final boolean[] quoted;
        private final String[] set;
        private byte[] bucket;
        private int start;
        private long prefix;

        private Row(int width) {
            from = new int[width];
            length = new int[width];
            quoted = new boolean[width];
            set = new String[width];
        }

        private void at(byte[] bucket, int start, long prefix) {
            this.bucket = bucket;
            this.start = start;
            this.prefix = prefix;
            Arrays.fill(set, null);
            int at = start + ORDER + 12;
            for (int c = 0; c < from.length; c++) {
                int l = 0;
                int shift = 0;
                byte v;
                do {
                    v = bucket[at++];
                    l |= (v & 0x7f) << shift;
                    shift += 7;
                } while (v < 0);
                from[c] = at;
                length[c] = (l >>> 1) - 1;
                quoted[c] = (l & 1) != 0;
                at += Math.max(0, length[c]);
            }
        }

        /** The first 16 hex digits of the pseudonym the row is filed under, as an unsigned number. */
        long personPrefix() {
            return prefix;
        }

        /** The pseudonym the row is filed under. */
        String person() {
            return new String(bucket, start, ORDER, StandardCharsets.ISO_8859_1);
        }

        /** The cell as text; null for none. */
        String get(int cell) {
            if (set[cell] != null) {
                return set[cell];
            }
            return length[cell] < 0 ? null : new String(bucket, from[cell], length[cell], StandardCharsets.UTF_8);
        }

        /**
         * The cell's value when it is a whole number of at most 18 plain ASCII digits, read from its
         * bytes without making text; -1 for any other cell (empty, signed, quoted, set here).
         */
        long digits(int cell) {
            int l = length[cell];
            if (set[cell] != null || quoted[cell] || l <= 0 || l > 18) {
                return -1;
            }
            long value = 0;
            for (int i = from[cell], end = i + l; i < end; i++) {
                int digit = bucket[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        void set(int cell, String value) {
            set[cell] = value == null ? "" : value;
        }

        private void write(int cell, Out out) throws IOException {
            String text = set[cell];
            if (text != null) {
                out.write((needsQuotes(text) ? line(List.of(text)) : text).getBytes(StandardCharsets.UTF_8));
                return;
            }
            int l = length[cell];
            if (l <= 0) {
                return;
            }
            if (quoted[cell]) {
                out.write(line(List.of(get(cell))).getBytes(StandardCharsets.UTF_8));
                return;
            }
            out.write(bucket, from[cell], l);
        }
    }

    /**
     * A buffer in front of a file, written a byte at a time without the lock every call of a
     * {@code BufferedOutputStream} takes (a year's tables are some 3,000 M such calls).
     */
    private static final class Out implements AutoCloseable {
        private final OutputStream file;
        private final byte[] buffer = new byte[BUFFER];
        private int used;

        Out(OutputStream file) {
            this.file = file;
        }

        void write(int b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) b;
        }

        void write(byte[] bytes) throws IOException {
            write(bytes, 0, bytes.length);
        }

        void write(byte[] bytes, int from, int length) throws IOException {
            if (length > buffer.length - used) {
                drain();
                if (length > buffer.length) {
                    file.write(bytes, from, length);
                    return;
                }
            }
            System.arraycopy(bytes, from, buffer, used, length);
            used += length;
        }

        private void drain() throws IOException {
            file.write(buffer, 0, used);
            used = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                file.close();
            }
        }
    }
}
