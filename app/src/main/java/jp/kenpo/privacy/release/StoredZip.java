package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * The release archive: a zip of stored (uncompressed) entries in name order, every entry dated
 * 1980-02-01 00:00 with no extra fields, so that the same files give the same bytes on any
 * machine and any JDK — a deflated entry's bytes depend on the zlib that wrote it. (1980-01-01
 * 00:00 is the JDK's mark for "before 1980", which adds an extended-timestamp field in the
 * server's time zone.)
 */
final class StoredZip {

    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private StoredZip() {}

    /**
     * Writes the archive to {@code out}, leaving it open; refuses a file that changed since it was
     * read. A stored entry declares its size and CRC-32 before its bytes, as the first reading found
     * them, and the zip writer checks both against the bytes it was given when the entry closes: a
     * file changed, grown or cut in between fails there. (The first reading's SHA-256 is what the
     * manifest says; the CRC-32 is no defence against a deliberate change that keeps it, but whoever
     * can change the staging folder could as well have done so before the first reading.)
     */
    static void write(OutputStream out, List<StagedFile> files) throws IOException {
        try (var zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8)) {
            for (StagedFile f : files) {
                var entry = new ZipEntry(f.name());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(f.size());
                entry.setCompressedSize(f.size());
                entry.setCrc(f.crc32());
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                try (InputStream in = Files.newInputStream(f.path())) {
                    in.transferTo(zip);
                    zip.closeEntry();
                } catch (ZipException e) {
                    throw new IOException(
                            "staging file " + f.name() + " changed while it was being sealed: seal again", e);
                }
            }
        }
    }

    /** The zip's end is written on close; the stream below stays open for the layers that wrap it. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
