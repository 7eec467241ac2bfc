package jp.kenpo.privacy.formats.checkup;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.ReadProblems;
import jp.kenpo.privacy.formats.Sha256Input;

/**
 * Checkups from one file, one at a time: a single 特定健診情報ファイル (XML) or an exchange
 * archive (zip). Opened with {@link #open}, which tells the two apart by their first bytes. Either
 * is read as one stream, front to back, once.
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

    /**
     * The SHA-256 (lower-case hex) of every byte of the document the last checkup came from, as a
     * file of its own or as an archive entry inflates: the same document has the same digest
     * whatever it was delivered in.
     */
    String currentDigest();

    /** Errors reported so far (lenient mode). */
    int errorCount();

    /** Every problem (lenient mode) to {@code errors}, as inspect prints them. */
    static CheckupSource open(Path file, ReadMode mode, Consumer<FormatError> errors) throws IOException {
        return open(file, mode, errors, XmlLimits.DEFAULT);
    }

    static CheckupSource open(Path file, ReadMode mode, Consumer<FormatError> errors, XmlLimits limits)
            throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return open(in, file.toString(), mode, ReadProblems.each(errors), false, limits);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads {@code in} (closed with the source), named {@code name} in messages. In lenient mode a
     * document left out goes to {@code problems} with its text as it stood (up to
     * {@link jp.kenpo.privacy.formats.UnreadableRecord#MAX_TEXT_BYTES}), and a problem of the
     * archive itself (an index count that disagrees, an entry name refused) apart from them.
     */
    static CheckupSource open(InputStream in, String name, ReadMode mode, ReadProblems problems, XmlLimits limits)
            throws IOException {
        return open(in, name, mode, problems, true, limits);
    }

    private static CheckupSource open(
            InputStream in, String name, ReadMode mode, ReadProblems problems, boolean keepText, XmlLimits limits)
            throws IOException {
        InputStream bytes = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        bytes.mark(4);
        byte[] magic = bytes.readNBytes(4);
        bytes.reset();
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            return new CheckupArchiveReader(bytes, name, mode, problems, keepText, limits);
        }
        return new SingleDocument(bytes, name, mode, problems, keepText, limits);
    }

    /** A lone XML document. */
    final class SingleDocument implements CheckupSource {
        private final InputStream in;
        private final String name;
        private final ReadMode mode;
        private final ReadProblems problems;
        private final boolean keepText;
        private final CheckupReader reader;
        private boolean done;
        private int errorCount;
        private String digest = "";

        SingleDocument(
                InputStream in, String name, ReadMode mode, ReadProblems problems, boolean keepText, XmlLimits limits) {
            this.in = in;
            this.name = name;
            this.mode = mode;
            this.problems = problems;
            this.keepText = keepText;
            this.reader = new CheckupReader(limits);
        }

        @Override
        public Checkup next() {
            if (done) {
                return null;
            }
            done = true;
            Sha256Input document = new Sha256Input(in);
            RecordCapture capture = new RecordCapture(document, keepText);
            try {
                Checkup c = reader.read(capture, name);
                digest = document.finish();
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            } catch (FormatException e) {
                if (mode == ReadMode.STRICT) {
                    throw e;
                }
                errorCount++;
                try {
                    problems.unreadable(capture.leftOut(name, e.error()));
                } catch (IOException io) {
                    throw new UncheckedIOException(name + ": " + io.getMessage(), io);
                }
                return null;
            }
        }

        @Override
        public String currentName() {
            return name;
        }

        @Override
        public String currentDigest() {
            return digest;
        }

        @Override
        public int errorCount() {
            return errorCount;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
