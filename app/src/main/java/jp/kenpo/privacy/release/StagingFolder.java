package jp.kenpo.privacy.release;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import jp.kenpo.privacy.formats.Sha256Input;
import jp.kenpo.privacy.formats.StrictTextReader;
import jp.kenpo.privacy.formats.StrictTextReader.TextEncodingException;

/**
 * The files a build staged for sealing, each read for what the manifest and the archive need: every regular file under the folder is
 * sealed, in the order of its name, and a {@code .csv} file must be a UTF-8 table with a header
 * line and the header's number of fields on every line, so that its row count means what the
 * manifest says.
 */
final class StagingFolder {

    private static final int BUFFER = 1 << 20;

    private StagingFolder() {}

    /** The staging files' archive names ({@code /}-separated), sorted, refusing what must not go. */
    static List<String> names(Path staging, Set<String> reserved) throws IOException {
        if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
            throw new SealRefusedException("staging", "is not a folder");
        }
        var names = new ArrayList<String>();
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(staging) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name = nameOf(staging.relativize(p));
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw refused(name, "is not a regular file (a link is not followed into a release)");
                }
                if (name.startsWith(".") || name.contains("/.")) {
                    throw refused(name, "is a hidden file: only the files the build wrote are sealed");
                }
                if (reserved.contains(name)) {
                    throw refused(name, "is written by the seal itself: remove it from the staging folder");
                }
                names.add(name);
            }
        }
        names.sort(null);
        if (names.stream().noneMatch(StagingFolder::isTable)) {
            throw new SealRefusedException("staging", "holds no CSV table");
        }
        return List.copyOf(names);
    }

    /**
     * Reads one file for its digest, its CRC-32 and size for the archive, and its rows if a table.
     * A table's rows are counted from its bytes as they pass ({@link PlainTableRows}); a table
     * those cannot vouch for is read again through the full parser, whose reading is then the one
     * that counts (digest and CRC included), and which refuses it naming the line.
     */
    static StagedFile read(Path file, String name) throws IOException {
        MessageDigest sha256 = sha256();
        var crc = new CRC32();
        PlainTableRows plain = isTable(name) ? new PlainTableRows() : null;
        long size = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha256.update(buf, 0, n);
                crc.update(buf, 0, n);
                if (plain != null) {
                    plain.update(buf, 0, n);
                }
                size += n;
            }
        }
        long rows = ManifestEntry.NOT_A_TABLE;
        if (plain != null) {
            rows = plain.rows();
            if (rows == PlainTableRows.GAVE_UP) {
                return readParsed(file, name);
            }
        }
        return new StagedFile(name, file, size, crc.getValue(), HexFormat.of().formatHex(sha256.digest()), rows);
    }

    /** Reads one table through the full parser, with its digest, CRC-32 and size as parsed. */
    static StagedFile readParsed(Path file, String name) throws IOException {
        var tally = new Tally(Files.newInputStream(file));
        try (var in = new Sha256Input(tally)) {
            long rows = rows(in, name);
            String sha256 = in.finish();
            return new StagedFile(name, file, tally.count, tally.crc.getValue(), sha256, rows);
        }
    }

    static boolean isTable(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    static SealRefusedException refused(String name, String reason) {
        return new SealRefusedException("staging file " + name, reason);
    }

    private static String nameOf(Path relative) {
        var parts = new ArrayList<String>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** Records after the header; the reader is left open so that the digest sees every byte. */
    private static long rows(InputStream in, String name) throws IOException {
        var reader = new StrictTextReader(in, name, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(reader);
        Iterator<CsvRecord> records = csv.iterator();
        long line = 0;
        try {
            if (!records.hasNext()) {
                throw refused(name, "is empty: a table starts with a header line");
            }
            int columns = records.next().getFieldCount();
            line = 1;
            long rows = 0;
            while (records.hasNext()) {
                CsvRecord r = records.next();
                line = r.getStartingLineNumber();
                if (r.getFieldCount() != columns) {
                    throw refused(
                            name,
                            "line " + line + ": " + r.getFieldCount() + " fields where the header has " + columns);
                }
                rows++;
            }
            return rows;
        } catch (CsvParseException e) {
            throw refused(name, "line " + (line + 1) + ": not well-formed CSV (an unclosed quote?)");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof TextEncodingException t) {
                throw refused(name, "line " + t.line() + ": bytes that are not valid UTF-8");
            }
            throw e.getCause();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Counts the bytes read and takes their CRC-32, which a stored zip entry declares up front. */
    private static final class Tally extends FilterInputStream {
        private final CRC32 crc = new CRC32();
        private long count;

        Tally(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                crc.update(buf, off, n);
                count += n;
            }
            return n;
        }
    }
}
