package jp.kenpo.privacy.formats.checkup;

import java.util.Arrays;

/**
 * Appends text as UTF-8 bytes straight away. A document that is ASCII but for a name or two is
 * copied byte for byte instead of being held in UTF-16 and encoded at the end.
 */
final class Utf8Builder {

    private byte[] buf;
    private int len;

    Utf8Builder(int capacity) {
        buf = new byte[capacity];
    }

    Utf8Builder append(char c) {
        if (c < 0x80) {
            ensure(1);
            buf[len++] = (byte) c;
            return this;
        }
        return append(String.valueOf(c));
    }

    /** Appends {@code s} as it is (no escaping). */
    Utf8Builder append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return appendFrom(s, i);
            }
            buf[len++] = (byte) c;
        }
        return this;
    }

    private Utf8Builder appendFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ensure(1);
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                ensure(2);
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4);
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("unpaired surrogate U+%04X", (int) c));
            } else {
                ensure(3);
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
