package jp.kenpo.privacy.release;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a file as bytes, split where {@link java.io.BufferedReader#readLine} splits them
 * (a line feed, a carriage return, or both), so that the final check can look at a line of plain
 * ASCII without decoding it; a line with other bytes is decoded as strict UTF-8 ({@link #text}),
 * refusing what is not. UTF-8 never puts a byte below 0x80 inside a character, so the bytes split
 * where the characters would. The current line is {@link #bytes()} from {@link #start()} to
 * {@link #end()}, valid until the next call of {@link #next()}.
 */
final class ByteLines implements Closeable {

    private static final int BUFFER = 1 << 20;

    private final InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;

    ByteLines(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        int i = pos;
        while (true) {
            while (i < limit && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (i < limit && !(buf[i] == '\r' && i + 1 == limit && !eof)) {
                start = pos;
                end = i;
                pos = i + 1;
                if (buf[i] == '\r' && pos < limit && buf[pos] == '\n') {
                    pos++;
                }
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = limit;
                    pos = limit;
                    return true;
                }
                return false;
            }
            i = fill(i);
        }
    }

    byte[] bytes() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current line decoded as strict UTF-8, as a reader of the file would see it. */
    String text() {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, end - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the unfinished line, reads more after it; returns where the scan goes on. */
    private int fill(int scanned) throws IOException {
        int kept = limit - pos;
        if (kept == buf.length) {
            byte[] larger = new byte[buf.length * 2];
            System.arraycopy(buf, pos, larger, 0, kept);
            buf = larger;
        } else {
            System.arraycopy(buf, pos, buf, 0, kept);
        }
        int resume = scanned - pos;
        pos = 0;
        limit = kept;
        int n = in.readNBytes(buf, limit, buf.length - limit);
        limit += n;
        eof = limit < buf.length;
        return resume;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
