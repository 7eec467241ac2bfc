package jp.kenpo.privacy.formats.checkup;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.ReadMode;

/**
 * Checkups from one file, one at a time: a single 特定健診情報ファイル (XML) or an exchange
 * archive (zip). Opened with {@link #open}, which tells the two apart by their first bytes.
 *
 * <pre>{@code
 * try (CheckupSource s = CheckupSource.open(path, ReadMode.LENIENT, errors::add)) {
 *     for (Checkup c; (c = s.next()) != null; ) {
 *         MemberKey who = c.member();
 *         String where = s.currentName();   // archive.zip!/DATA/h….xml
 *     }
 * }
 * }</pre>
 */
public interface CheckupSource extends Closeable {

    /** The next checkup, or {@code null} when there are no more. */
    Checkup next();

    /** The name of the document the last checkup came from. */
    String currentName();

    /** Errors reported so far (lenient mode). */
    int errorCount();

    static CheckupSource open(Path file, ReadMode mode, Consumer<FormatError> errors) throws IOException {
        return open(file, mode, errors, XmlLimits.DEFAULT);
    }

    static CheckupSource open(Path file, ReadMode mode, Consumer<FormatError> errors, XmlLimits limits)
            throws IOException {
        byte[] magic = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(magic, 0, 4);
        }
        if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            return new CheckupArchiveReader(file, mode, errors, limits);
        }
        return new SingleDocument(file, mode, errors, limits);
    }

    /** A lone XML document. */
    final class SingleDocument implements CheckupSource {
        private final Path file;
        private final ReadMode mode;
        private final Consumer<FormatError> errors;
        private final CheckupReader reader;
        private boolean done;
        private int errorCount;

        SingleDocument(Path file, ReadMode mode, Consumer<FormatError> errors, XmlLimits limits) {
            this.file = file;
            this.mode = mode;
            this.errors = errors;
            this.reader = new CheckupReader(limits);
        }

        @Override
        public Checkup next() {
            if (done) {
                return null;
            }
            done = true;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                return reader.read(in, file.toString());
            } catch (jp.kenpo.privacy.formats.FormatException e) {
                if (mode == ReadMode.STRICT) {
                    throw e;
                }
                errorCount++;
                errors.accept(e.error());
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String currentName() {
            return file.toString();
        }

        @Override
        public int errorCount() {
            return errorCount;
        }

        @Override
        public void close() {
            // nothing held between calls
        }
    }
}
