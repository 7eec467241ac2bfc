package jp.kenpo.privacy.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes of a record that could not be read, as text a person (and a database column) can hold:
 * decoded in the file's character set, with every byte that is not text shown as {@code \xNN}, so
 * that the undecodable byte or stray control character that made the record unreadable stays
 * visible rather than being replaced or dropped (PostgreSQL text cannot hold a NUL at all).
 * Line breaks and tabs are kept.
 */
public final class RawText {

    private RawText() {}

    public static String of(byte[] bytes, int from, int to, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) ((to - from) * (double) decoder.maxCharsPerByte())));
        StringBuilder text = new StringBuilder(to - from);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            appendShown(text, out.flip());
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    hex(text, in.get());
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        decoder.flush(out);
        appendShown(text, out.flip());
        return text.toString();
    }

    private static void appendShown(StringBuilder text, CharBuffer chars) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                hex(text, (byte) c);
            } else {
                text.append(c);
            }
        }
    }

    private static void hex(StringBuilder text, byte b) {
        text.append(String.format("\\x%02X", b & 0xFF));
    }
}
