package jp.kenpo.privacy.formats.receipt;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Builds record lines as Windows-31J bytes: fields joined by commas, CR LF at the end. Refuses
 * what the format cannot hold (a comma, a line break or a control character inside a field, a
 * character outside Windows-31J) instead of writing something else.
 */
final class RecordSink {

    private final OutputStream out;
    private byte[] buf = new byte[256];
    private int len;
    private boolean first = true;
    /** Names, kana and facility names repeat from receipt to receipt: their bytes are kept, up to a bound. */
    private final java.util.HashMap<String, byte[]> encoded = new java.util.HashMap<>();

    private final CharsetEncoder encoder = ReceiptCharset.CHARSET
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final boolean insurerLayout;
    private int serial;

    RecordSink(OutputStream out, Layout layout) {
        this.out = out;
        this.insurerLayout = layout == Layout.INSURER;
    }

    /** Starts the line numbering of a receipt again (insurer layout). */
    void newReceipt() {
        serial = 0;
    }

    RecordSink begin(String type) {
        len = 0;
        first = true;
        if (insurerLayout) {
            // records the review-and-payment organisation adds are marked 2, the claim's own records 1
            boolean added = type.equals("MN") || type.equals("EX") || type.equals("RC") || type.equals("JY");
            text(added ? "2" : "1").number(++serial).text("0");
        }
        return text(type);
    }

    RecordSink text(String s) {
        separate();
        if (s == null) {
            return this;
        }
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return encodeFrom(s, i);
            }
            if (c < 0x20 || c == ',' || c == 0x7F) {
                throw new IllegalArgumentException(
                        "cannot write " + describe(c) + " inside a receipt field: \"" + s + "\"");
            }
            buf[len++] = (byte) c;
        }
        return this;
    }

    private RecordSink encodeFrom(String s, int from) {
        byte[] cached = encoded.get(s);
        if (cached != null) {
            len -= from;
            ensure(cached.length);
            System.arraycopy(cached, 0, buf, len, cached.length);
            len += cached.length;
            return this;
        }
        int start = len - from;
        encodeUncached(s, from);
        if (encoded.size() > 20_000) {
            encoded.clear();
        }
        encoded.put(s, Arrays.copyOfRange(buf, start, len));
        return this;
    }

    private void encodeUncached(String s, int from) {
        try {
            encoder.reset();
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(s, from, s.length()));
            ensure(bytes.remaining());
            int n = bytes.remaining();
            bytes.get(buf, len, n);
            for (int i = len; i < len + n; i++) {
                if (buf[i] == ',' || (buf[i] >= 0 && buf[i] < 0x20)) {
                    throw new IllegalArgumentException(
                            "cannot write a comma or control character inside a receipt field: \"" + s + "\"");
                }
            }
            len += n;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not representable in Windows-31J: \"" + s + "\"", e);
        }
    }

    /** {@code YYYYMMDD}. */
    RecordSink date(java.time.LocalDate d) {
        separate();
        if (d != null) {
            ensure(8);
            digits(d.getYear(), 4);
            digits(d.getMonthValue(), 2);
            digits(d.getDayOfMonth(), 2);
        }
        return this;
    }

    /** {@code YYYYMM}. */
    RecordSink yearMonth(java.time.YearMonth ym) {
        separate();
        ensure(6);
        digits(ym.getYear(), 4);
        digits(ym.getMonthValue(), 2);
        return this;
    }

    private void digits(int v, int width) {
        if (v < 0 || (width == 4 && v > 9999) || (width == 2 && v > 99)) {
            throw new IllegalArgumentException("cannot write " + v + " in " + width + " digits");
        }
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += width;
    }

    RecordSink number(Integer v) {
        separate();
        if (v != null) {
            ascii(Integer.toString(v));
        }
        return this;
    }

    RecordSink number(Long v) {
        separate();
        if (v != null) {
            ascii(Long.toString(v));
        }
        return this;
    }

    RecordSink number(int v) {
        separate();
        if (v >= 0 && v < 10) {
            ensure(1);
            buf[len++] = (byte) ('0' + v);
        } else {
            ascii(Integer.toString(v));
        }
        return this;
    }

    RecordSink decimal(BigDecimal v) {
        separate();
        if (v != null) {
            ascii(v.toPlainString());
        }
        return this;
    }

    /** {@code n} empty fields. */
    RecordSink empty(int n) {
        if (n <= 0) {
            return this;
        }
        ensure(n);
        int commas = first ? n - 1 : n;
        first = false;
        for (int i = 0; i < commas; i++) {
            buf[len++] = ',';
        }
        return this;
    }

    /** The 31 算定日情報 fields: a count where there is one, empty elsewhere. */
    RecordSink days(ServiceDays d) {
        ensure(31 * 4);
        for (int day = 1; day <= 31; day++) {
            separate();
            int c = d.on(day);
            if (c >= 100) {
                buf[len++] = (byte) ('0' + c / 100);
            }
            if (c >= 10) {
                buf[len++] = (byte) ('0' + c / 10 % 10);
            }
            if (c > 0) {
                buf[len++] = (byte) ('0' + c % 10);
            }
        }
        return this;
    }

    void end() throws IOException {
        ensure(2);
        buf[len++] = '\r';
        buf[len++] = '\n';
        out.write(buf, 0, len);
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void separate() {
        if (first) {
            first = false;
        } else {
            ensure(1);
            buf[len++] = ',';
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more + 16));
        }
    }

    private static String describe(char c) {
        return c == ',' ? "a comma" : String.format("control character U+%04X", (int) c);
    }
}
