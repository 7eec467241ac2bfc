package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.shared.NumberMask;

/**
 * The independent last look before a release may leave (APPI Art. 43(1), PPC Rules Art. 34): it
 * reads the written files back, knowing nothing of how they were made, and refuses the release if
 * a cell equals a member key, a name, a 記号・番号 or an insurer number of any member of the
 * registry, if a cell holds what may be an individual number (12 digits passing the check digit,
 * however written), if a pseudonym column holds anything but pseudonyms, if a column is not one the
 * spec releases under a published item, or if a class of the persons table is smaller than k.
 * Refusals name the file, line and column, never the value.
 */
final class FinalCheck {

    private final RegistryIdentifiers identifiers;

    FinalCheck(Iterable<Member> registry) {
        identifiers = new RegistryIdentifiers(registry);
    }

    /** Checks every table of the spec in {@code staging}; returns the rows counted in each file. */
    Map<String, Long> check(Path staging, ReleaseSpec spec, Set<String> publishedItems) {
        return check(staging, spec, publishedItems, Map.of());
    }

    /**
     * As {@link #check(Path, ReleaseSpec, Set)}, the classes of the persons counted over the
     * cumulative person table (STABLE, Rule 34(5)): the file's rows and {@code heldEarlier}, the rows
     * the recipient holds from earlier releases (pseudonym → quasi-identifier → value as generalised
     * now) whose pseudonym the file does not restate.
     */
    Map<String, Long> check(
            Path staging, ReleaseSpec spec, Set<String> publishedItems, Map<String, Map<String, String>> heldEarlier) {
        List<ReleaseTable> tables = new ArrayList<>();
        for (ReleaseTable table : ReleaseTable.values()) {
            if (spec.releases(table)) {
                tables.add(table);
            }
        }
        // the tables are read side by side; a refusal is that of the first failing table in the
        // spec's order, so the same files are always refused for the same reason
        List<Object> outcomes = tables.parallelStream()
                .map(table -> {
                    try {
                        return (Object) checkTable(
                                staging,
                                spec,
                                table,
                                publishedItems,
                                table == ReleaseTable.PERSONS ? heldEarlier : Map.of());
                    } catch (RuntimeException e) {
                        return e;
                    }
                })
                .toList();
        Map<String, Long> rows = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            if (outcomes.get(i) instanceof RuntimeException e) {
                throw e;
            }
            rows.put(tables.get(i).fileName(), (Long) outcomes.get(i));
        }
        return rows;
    }

    private long checkTable(
            Path staging,
            ReleaseSpec spec,
            ReleaseTable table,
            Set<String> publishedItems,
            Map<String, Map<String, String>> heldEarlier) {
        Path file = staging.resolve(table.fileName() + ".csv");
        String name = file.getFileName().toString();
        Map<String, Integer> classes = new HashMap<>();
        long rows = 0;
        try (ByteLines lines = new ByteLines(file)) {
            if (!lines.next()) {
                throw refuse(name, 1, "the file has no header");
            }
            List<String> header = split(lines.text(), name, 1);
            boolean[] pseudonym = new boolean[header.size()];
            boolean[] monthly = new boolean[header.size()];
            int personColumn = header.indexOf("person");
            Set<String> inFile = new HashSet<>();
            List<Integer> quasi = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                ReleaseSpec.SpecColumn specColumn = spec.tables().get(table).stream()
                        .filter(s -> s.column().name().equals(column))
                        .findFirst()
                        .orElseThrow(() -> refuse(name, 1, "column '" + column + "' is not in the spec"));
                // APPI Art. 43(3): only the published items may leave
                if (!publishedItems.contains(specColumn.item())) {
                    throw refuse(name, 1, "column '" + column + "' is under no published item of 9.1");
                }
                pseudonym[c] = specColumn.column().rule() == ColumnRule.PSEUDONYM;
                monthly[c] = specColumn.column().holdsMonths();
                if (table == ReleaseTable.PERSONS && specColumn.column().rule() == ColumnRule.QUASI) {
                    quasi.add(c);
                }
            }
            // the rows of the persons file the recipient already holds are only needed for the cumulative classes
            boolean collectPersons = personColumn >= 0 && !heldEarlier.isEmpty();
            var row = new Row(header, pseudonym, monthly, name);
            int line = 1;
            while (lines.next()) {
                line++;
                rows++;
                List<String> cells = row.check(lines, line);
                if (!quasi.isEmpty()) {
                    StringBuilder key = new StringBuilder();
                    for (int c : quasi) {
                        key.append(cells.get(c)).append('\u0001');
                    }
                    classes.merge(key.toString(), 1, Integer::sum);
                }
                if (collectPersons) {
                    inFile.add(cells.get(personColumn));
                }
            }
            for (Map.Entry<String, Map<String, String>> held : heldEarlier.entrySet()) {
                if (inFile.contains(held.getKey())) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (int c : quasi) {
                    key.append(held.getValue().getOrDefault(header.get(c), "")).append('\u0001');
                }
                classes.merge(key.toString(), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int k = spec.thresholds().k();
        for (int size : classes.values()) {
            if (size < k) {
                throw refuse(
                        name,
                        0,
                        "a class of the quasi-identifiers holds " + size + " persons, fewer than k = " + k
                                + (heldEarlier.isEmpty()
                                        ? ""
                                        : ", counting the persons the recipient holds from earlier releases"));
            }
        }
        return rows;
    }

    /**
     * The checks of one row's cells. A line of plain ASCII without quotes (nearly every line of a
     * release) is checked where it lies in the read buffer: a pseudonym by its bytes, and a cell
     * made a string only where its shape could be an identifier's or its digits an individual
     * number's. Any other line is decoded and split as text. Both ask the same questions of the same
     * cells; the bytes only spare the cells that cannot be refused.
     */
    private final class Row {
        private final List<String> header;
        private final boolean[] pseudonym;
        private final boolean[] monthly;
        private final String file;
        /** Where each cell of a plain line ends (its comma or the line's end). */
        private final int[] ends;
        /** The cells of a plain line, made strings lazily: only the persons file's classes read them. */
        private final LazyCells lazy;

        Row(List<String> header, boolean[] pseudonym, boolean[] monthly, String file) {
            this.header = header;
            this.pseudonym = pseudonym;
            this.monthly = monthly;
            this.file = file;
            this.ends = new int[header.size()];
            this.lazy = new LazyCells(ends);
        }

        /** Checks the current line; returns its cells. */
        List<String> check(ByteLines lines, int line) {
            byte[] b = lines.bytes();
            int from = lines.start();
            int to = lines.end();
            int cells = plainCells(b, from, to, ends);
            if (cells < 0) {
                return checkText(split(lines.text(), file, line), line);
            }
            if (cells != header.size()) {
                throw refuse(file, line, "the row has " + cells + " cells, the header " + header.size());
            }
            ends[cells - 1] = to;
            int start = from;
            for (int c = 0; c < cells; start = ends[c] + 1, c++) {
                int end = ends[c];
                if (start == end) {
                    continue;
                }
                if (pseudonym[c]) {
                    if (!isPseudonym(b, start, end)) {
                        throw refuse(
                                file, line, "column '" + header.get(c) + "' holds something other than a pseudonym");
                    }
                    continue;
                }
                checkPlainCell(b, start, end, c, line);
            }
            return lazy.of(b, from);
        }

        /** A cell of a plain line that is not a pseudonym's, where it lies. */
        private void checkPlainCell(byte[] b, int start, int end, int c, int line) {
            int a = start;
            int z = end;
            while (a < z && asciiWhitespace(b[a])) {
                a++;
            }
            while (z > a && asciiWhitespace(b[z - 1])) {
                z--;
            }
            if (identifiers.mayMatch(b, a, z, monthly[c]) && identifiers.matches(ascii(b, a, z), monthly[c])) {
                throw refuseIdentifier(line, c);
            }
            if (NumberMask.asciiMayHoldNumber(b, start, end) && NumberMask.holdsNumber(ascii(b, start, end))) {
                throw refuseNumber(line, c);
            }
        }

        private List<String> checkText(List<String> cells, int line) {
            if (cells.size() != header.size()) {
                throw refuse(file, line, "the row has " + cells.size() + " cells, the header " + header.size());
            }
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                if (cell.isEmpty()) {
                    continue;
                }
                if (pseudonym[c]) {
                    if (!Pseudonyms.looksLikePseudonym(cell)) {
                        throw refuse(
                                file, line, "column '" + header.get(c) + "' holds something other than a pseudonym");
                    }
                    continue;
                }
                if (identifiers.matches(cell.strip(), monthly[c])) {
                    throw refuseIdentifier(line, c);
                }
                if (NumberMask.holdsNumber(cell)) {
                    throw refuseNumber(line, c);
                }
            }
            return cells;
        }

        private ReleaseRefusedException refuseIdentifier(int line, int c) {
            return refuse(
                    file, line, "column '" + header.get(c) + "' equals a member's key, name, 記号・番号 or insurer number");
        }

        private ReleaseRefusedException refuseNumber(int line, int c) {
            return refuse(file, line, "column '" + header.get(c) + "' holds what may be an individual number");
        }
    }

    /**
     * How many cells a plain line has (ASCII without quotes), noting where the first {@code
     * ends.length} end; -1 for any other line. Eight bytes are looked at a time: a word without a
     * comma, a quote or a byte of 0x80 or more (most of a pseudonym) is passed over whole.
     */
    private static int plainCells(byte[] b, int from, int to, int[] ends) {
        int cells = 1;
        int i = from;
        while (i < to) {
            if (i + 8 <= to) {
                long w = (long) LONGS.get(b, i);
                long commas = equalBytes(w, ',');
                if (((equalBytes(w, '"') | w) & TOP_BITS) != 0) {
                    return -1;
                }
                while (commas != 0) {
                    if (cells <= ends.length) {
                        ends[cells - 1] = i + (Long.numberOfTrailingZeros(commas) >>> 3);
                    }
                    cells++;
                    commas &= commas - 1;
                }
                i += 8;
                continue;
            }
            byte ch = b[i];
            if (ch == ',') {
                if (cells <= ends.length) {
                    ends[cells - 1] = i;
                }
                cells++;
            } else if (ch == '"' || ch < 0) {
                return -1;
            }
            i++;
        }
        return cells;
    }

    /**
     * The top bit of each byte of {@code w} that equals {@code c}, exactly: a byte {@code v} of
     * {@code w ^ c} is zero iff neither {@code (v & 0x7F) + 0x7F} nor {@code v} has its top bit, and
     * the sum cannot carry into the next byte.
     */
    private static long equalBytes(long w, char c) {
        long v = w ^ (c * ONES);
        return ~(((v & LOW_BITS) + LOW_BITS) | v | LOW_BITS);
    }

    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    /** A plain line's cells as strings, made when asked for: most tables never ask. */
    private static final class LazyCells extends java.util.AbstractList<String> {
        private final int[] ends;
        private byte[] bytes;
        private int from;

        LazyCells(int[] ends) {
            this.ends = ends;
        }

        List<String> of(byte[] bytes, int from) {
            this.bytes = bytes;
            this.from = from;
            return this;
        }

        @Override
        public String get(int c) {
            int start = c == 0 ? from : ends[c - 1] + 1;
            return ascii(bytes, start, ends[c]);
        }

        @Override
        public int size() {
            return ends.length;
        }
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link Pseudonyms#looksLikePseudonym} of ASCII bytes: 32 lower-case hexadecimal digits, read
     * eight at a time. For a byte below 0x80, adding {@code 0x80 - lo} sets its top bit iff it is at
     * least {@code lo}, and no sum carries into the next byte.
     */
    private static boolean isPseudonym(byte[] b, int from, int to) {
        if (to - from != 32) {
            return false;
        }
        for (int i = from; i < to; i += 8) {
            long w = (long) LONGS.get(b, i);
            if ((w & TOP_BITS) != 0) {
                return false;
            }
            long digit = atLeast(w, '0') & ~atLeast(w, '9' + 1);
            long letter = atLeast(w, 'a') & ~atLeast(w, 'f' + 1);
            if ((digit | letter) != TOP_BITS) {
                return false;
            }
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long TOP_BITS = 0x8080808080808080L;

    /** The top bit of each byte of {@code w} (all below 0x80) set where the byte is at least {@code lo}. */
    private static long atLeast(long w, int lo) {
        return (w + (0x80 - lo) * ONES) & TOP_BITS;
    }

    /** What {@link String#strip} removes, among ASCII characters ({@link Character#isWhitespace}). */
    private static boolean asciiWhitespace(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    private static ReleaseRefusedException refuse(String file, int line, String reason) {
        return new ReleaseRefusedException("final check", file + (line > 0 ? ":" + line : "") + ": " + reason);
    }

    /** One line of RFC 4180 CSV as the release writes it (no cell spans lines). */
    static List<String> split(String line, String file, int number) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw refuse(file, number, "a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
