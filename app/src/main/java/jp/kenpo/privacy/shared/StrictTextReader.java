package jp.kenpo.privacy.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text and refuses bytes that are not valid in the declared encoding, naming the file
 * and line, instead of turning them into replacement characters: a wrongly encoded name must
 * not enter the registry as mojibake. A UTF-8 byte-order mark is skipped.
 */
public final class StrictTextReader extends Reader {

    private final InputStream in;
    private final String source;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private long line = 1;
    private boolean eof;
    private boolean first = true;

    public StrictTextReader(InputStream in, String source, Charset charset) {
        this.in = in;
        this.source = source;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
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

    private boolean fill() throws IOException {
        if (eof && !bytes.hasRemaining()) {
            return false;
        }
        bytes.compact();
        while (!eof && bytes.hasRemaining()) {
            int r = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (r < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + r);
                if (r == 0) {
                    break;
                }
            }
        }
        bytes.flip();
        if (first) {
            first = false;
            skipUtf8Bom();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isError()) {
            chars.flip();
            countLines();
            throw new TextEncodingException(source, line, charset);
        }
        if (eof && !bytes.hasRemaining()) {
            decoder.flush(chars);
        }
        chars.flip();
        countLines();
        return chars.hasRemaining() || !eof || bytes.hasRemaining();
    }

    private void skipUtf8Bom() {
        if (charset.equals(StandardCharsets.UTF_8) && bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF
                && (bytes.get(1) & 0xFF) == 0xBB && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(3);
        }
    }

    /** Lines are counted as chars are decoded, so an error names the line it is on. */
    private void countLines() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that the declared encoding cannot decode. */
    public static class TextEncodingException extends IOException {
        private final String source;
        private final long line;

        TextEncodingException(String source, long line, Charset charset) {
            super(source + ":" + line + ": bytes that are not valid " + charset.name()
                    + (charset.equals(StandardCharsets.UTF_8)
                    ? " (if the file is Shift_JIS, give the encoding Windows-31J)"
                    : " (check the file's encoding)"));
            this.source = source;
            this.line = line;
        }

        public String source() {
            return source;
        }

        public long line() {
            return line;
        }
    }
}
