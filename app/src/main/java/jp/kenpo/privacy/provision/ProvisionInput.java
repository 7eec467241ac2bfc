package jp.kenpo.privacy.provision;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import jp.kenpo.privacy.formats.StrictTextReader;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.FreeText;

/**
 * A member-keyed CSV to be provided, UTF-8 with a header row: the column that holds the member key
 * is found by name; every other column is an item sent. Read twice: once here for the keys (the
 * file's rows are not all held in memory, a million of them may come), once more to write the rows
 * that may go, checked to be the same bytes by their SHA-256.
 *
 * <p>What makes the file unreadable refuses it whole, naming the line: bytes that are not UTF-8, no
 * header, no member column, a row with another number of fields than the header, a member column
 * that is no key. A row that repeats an earlier row field for field is left out as a duplicate.
 */
final class ProvisionInput {

    static final int MAX_PROBLEMS = 1000;

    /**
     * The file as read.
     *
     * @param keys       each member key once, in the order of first appearance
     * @param rowMember  for each data row, its key's place in {@code keys}
     * @param rowLine    for each data row, its line in the file
     * @param duplicateOf for each data row, the line of the earlier row it repeats, or 0
     */
    record Scan(
            List<String> header,
            int memberColumn,
            List<MemberKey> keys,
            int[] rowMember,
            long[] rowLine,
            long[] duplicateOf,
            String sha256) {

        int rows() {
            return rowMember.length;
        }
    }

    private ProvisionInput() {}

    static Scan scan(Path file, String source, String column) {
        var problems = new ArrayList<ImportProblem>();
        var keys = new LinkedHashMap<MemberKey, Integer>();
        var rowMember = new IntArrayList();
        var rowLine = new LongArrayList();
        var duplicateOf = new LongArrayList();
        var seen = new Long2LongOpenHashMap();
        var seenCheck = new Long2LongOpenHashMap();
        var header = new ArrayList<String>();
        int[] memberColumn = {-1};
        String sha = read(file, source, problems, (line, record) -> {
            if (line == 0) {
                header.addAll(headerOf(record, source, column, problems, memberColumn));
                return;
            }
            if (memberColumn[0] < 0) {
                return;
            }
            long at = record.getStartingLineNumber();
            if (record.getFieldCount() != header.size()) {
                problems.add(new ImportProblem(
                        source, at, "", "has " + record.getFieldCount() + " fields, the header " + header.size()));
                return;
            }
            MemberKey key;
            try {
                key = MemberKey.parse(record.getField(memberColumn[0]));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(source, at, column, e.getMessage()));
                return;
            }
            long h1 = fnv(record);
            long h2 = polynomial(record);
            long earlier = seen.getOrDefault(h1, 0L);
            boolean duplicate = earlier != 0 && seenCheck.get(h1) == h2;
            if (earlier == 0) {
                seen.put(h1, at);
                seenCheck.put(h1, h2);
            }
            rowMember.add(keys.computeIfAbsent(key, k -> keys.size()).intValue());
            rowLine.add(at);
            duplicateOf.add(duplicate ? earlier : 0);
        });
        if (header.isEmpty() && problems.isEmpty()) {
            problems.add(
                    new ImportProblem(source, 1, "", "the file is empty: a header row naming the columns is needed"));
        }
        if (!problems.isEmpty()) {
            throw new ProvisionInputException(source, problems);
        }
        return new Scan(
                List.copyOf(header),
                memberColumn[0],
                List.copyOf(keys.keySet()),
                rowMember.toIntArray(),
                rowLine.toLongArray(),
                duplicateOf.toLongArray(),
                sha);
    }

    interface RecordSink {
        /** @param row 0 for the header, then 1, 2, 3… */
        void accept(long row, CsvRecord record);
    }

    /** Reads every record of the file strictly as UTF-8; answers the SHA-256 of its bytes. */
    static String read(Path file, String source, List<ImportProblem> problems, RecordSink sink) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                CsvReader<CsvRecord> csv = CsvReader.builder()
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .skipEmptyLines(true)
                        .ofCsvRecord(new StrictTextReader(in, source, StandardCharsets.UTF_8))) {
            long row = 0;
            long lastLine = 1;
            try {
                for (CsvRecord r : csv) {
                    lastLine = r.getStartingLineNumber();
                    sink.accept(row++, r);
                    if (problems.size() >= MAX_PROBLEMS) {
                        return null;
                    }
                }
            } catch (CsvParseException e) {
                // FastCSV's message may quote the line: say only where
                problems.add(new ImportProblem(source, lastLine + 1, "", "not valid CSV"));
                return null;
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof StrictTextReader.TextEncodingException bad) {
                    problems.add(new ImportProblem(source, bad.line(), "", "bytes that are not valid UTF-8"));
                    return null;
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> headerOf(
            CsvRecord record, String source, String column, List<ImportProblem> problems, int[] memberColumn) {
        List<String> names = record.getFields().stream().map(String::strip).toList();
        for (int i = 0; i < names.size(); i++) {
            String problem = FreeText.problem(names.get(i), false);
            if (problem != null) {
                problems.add(new ImportProblem(
                        source, record.getStartingLineNumber(), "", "column " + (i + 1) + " of the header " + problem));
            }
        }
        memberColumn[0] = names.indexOf(column);
        if (memberColumn[0] < 0) {
            problems.add(new ImportProblem(
                    source,
                    record.getStartingLineNumber(),
                    "",
                    "the header has no column '" + column + "' holding the member key"
                            + " (name the column with --member-column, or memberColumn over the API)"));
        } else if (names.indexOf(column) != names.lastIndexOf(column)) {
            memberColumn[0] = -1;
            problems.add(new ImportProblem(
                    source, record.getStartingLineNumber(), "", "the header names the column '" + column + "' twice"));
        }
        return names;
    }

    private static long fnv(CsvRecord r) {
        long h = 0xcbf29ce484222325L;
        for (int f = 0; f < r.getFieldCount(); f++) {
            String s = r.getField(f);
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1F) * 0x100000001b3L; // a field separator no text holds
        }
        return h == 0 ? 1 : h;
    }

    private static long polynomial(CsvRecord r) {
        long h = 1125899906842597L;
        for (int f = 0; f < r.getFieldCount(); f++) {
            String s = r.getField(f);
            h = 31 * h + s.length();
            for (int i = 0; i < s.length(); i++) {
                h = 0x9E3779B97F4A7C15L * h + s.charAt(i);
            }
        }
        return h;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
