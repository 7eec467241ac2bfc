package jp.kenpo.privacy.formats.checkup;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses malformed bytes, telling on which line they are. The parser reads
 * ahead, so the line it reports would be wrong; this reader counts the lines it has decoded.
 */
final class StrictUtf8Reader extends Reader {

    /** Malformed UTF-8, with the 1-based line it was found on. */
    static final class Malformed extends CharacterCodingException {
        final long line;

        Malformed(long line) {
            this.line = line;
        }

        @Override
        public String getMessage() {
            return "undecodable bytes for UTF-8 on line " + line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean eof;
    private boolean flushed;
    private long line = 1;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes the next piece; false at the end. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (true) {
            if (!eof && bytes.remaining() < 4) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                chars.flip();
                throw new Malformed(line + newlines(chars));
            }
            if (chars.position() > 0 || (eof && !bytes.hasRemaining())) {
                break;
            }
        }
        if (eof && !bytes.hasRemaining()) {
            flushed = true;
            CoderResult r = decoder.flush(chars);
            if (r.isError()) {
                chars.flip();
                throw new Malformed(line + newlines(chars));
            }
        }
        chars.flip();
        line += newlines(chars);
        return chars.hasRemaining();
    }

    private static long newlines(CharBuffer c) {
        long n = 0;
        for (int i = c.position(); i < c.limit(); i++) {
            if (c.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
