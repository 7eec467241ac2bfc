package jp.kenpo.privacy.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text and refuses bytes that are not valid in the declared encoding, naming the source
 * and the line, instead of turning them into replacement characters: a wrongly encoded name must
 * not enter the registry as mojibake, and a parser that reads ahead would name the wrong line. A
 * UTF-8 byte-order mark is skipped. Reads its input a buffer at a time, as the reader above asks.
 */
public final class StrictTextReader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final String source;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private boolean eof;
    private boolean flushed;
    private boolean first = true;
    private long line = 1;

    public StrictTextReader(InputStream in, String source, Charset charset) {
        this.in = in;
        this.source = source;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes the next piece; false at the end. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!eof) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            if (first) {
                if (bytes.remaining() < 3 && !eof) {
                    continue;
                }
                first = false;
                skipUtf8Bom();
            }
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                throw malformed();
            }
            if (eof && !bytes.hasRemaining()) {
                flushed = true;
                if (decoder.flush(chars).isError()) {
                    throw malformed();
                }
                break;
            }
        }
        chars.flip();
        line += newlines(chars);
        return chars.hasRemaining();
    }

    private TextEncodingException malformed() {
        chars.flip();
        return new TextEncodingException(source, line + newlines(chars), charset);
    }

    private void skipUtf8Bom() {
        if (charset.equals(StandardCharsets.UTF_8)
                && bytes.remaining() >= 3
                && (bytes.get(0) & 0xFF) == 0xEF
                && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(3);
        }
    }

    /** Lines are counted as chars are decoded, so an error names the line it is on. */
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

    /** Bytes that the declared encoding cannot decode, with the 1-based line they are on. */
    public static final class TextEncodingException extends CharacterCodingException {
        private final String source;
        private final long line;
        private final Charset charset;

        TextEncodingException(String source, long line, Charset charset) {
            this.source = source;
            this.line = line;
            this.charset = charset;
        }

        public String source() {
            return source;
        }

        public long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return source + ":" + line + ": bytes that are not valid " + charset.name()
                    + (charset.equals(StandardCharsets.UTF_8)
                            ? " (if the file is Shift_JIS, give the encoding Windows-31J)"
                            : " (check the file's encoding)");
        }
    }
}
