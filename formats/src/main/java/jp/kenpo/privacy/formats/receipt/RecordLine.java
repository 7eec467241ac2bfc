package jp.kenpo.privacy.formats.receipt;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.kenpo.privacy.formats.InvalidValueException;
import jp.kenpo.privacy.formats.era.ReceiptDates;

/**
 * One record line split into fields, over the raw Windows-31J bytes. Splitting on bytes is safe
 * because neither ',' (0x2C) nor LF (0x0A) can be the second byte of a Shift_JIS character
 * (second bytes are 0x40–0x7E and 0x80–0xFC). Fields are decoded only when asked for, and pure
 * ASCII fields (almost all of them) are copied without a decoder.
 *
 * <p>Every accessor records the field it touched in {@link #lastField()}, so a conversion error can
 * be reported with the field's name by whoever catches it. Mutable and reused from line to line.
 */
final class RecordLine {

    static final int MAX_FIELDS = 128;

    /** The strings of one and two ASCII digits, which most code fields (診療識別, 負担区分, 転帰区分 …) are. */
    private static final String[] SHORT_DIGITS = shortDigits();

    private static String[] shortDigits() {
        String[] t = new String[110];
        for (int i = 0; i < 10; i++) {
            t[i] = String.valueOf((char) ('0' + i));
        }
        for (int i = 0; i < 100; i++) {
            t[10 + i] = String.format("%02d", i);
        }
        return t;
    }

    byte[] buf;
    long lineNumber;
    int count;
    boolean nonAscii;
    int controlAt = -1;
    final int[] starts = new int[MAX_FIELDS];
    final int[] ends = new int[MAX_FIELDS];
    private final String[] decoded = new String[MAX_FIELDS];
    private int lastField;
    private final CharsetDecoder decoder = ReceiptCharset.CHARSET
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * Splits {@code buf[from, to)}. Returns false when the line has more than {@link #MAX_FIELDS}
     * fields (the count is then {@code MAX_FIELDS + 1}).
     */
    boolean split(byte[] buf, int from, int to, long lineNumber) {
        this.buf = buf;
        this.lineNumber = lineNumber;
        for (int i = 0; i < count && i < MAX_FIELDS; i++) {
            decoded[i] = null;
        }
        boolean high = false;
        int control = -1;
        int n = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == ',') {
                if (n == MAX_FIELDS - 1) {
                    count = MAX_FIELDS + 1;
                    return false;
                }
                starts[n] = start;
                ends[n++] = i;
                start = i + 1;
            } else if (b < 0x20) {
                if (b < 0) {
                    high = true;
                } else if (control < 0) {
                    control = i - from;
                }
            }
        }
        starts[n] = start;
        ends[n++] = to;
        count = n;
        nonAscii = high;
        controlAt = control;
        return true;
    }

    /**
     * Drops the first {@code n} fields, as the prefix columns of an insurer-side file
     * (RECODEINFO) precede the record identifier.
     */
    void dropPrefix(int n) {
        System.arraycopy(starts, n, starts, 0, count - n);
        System.arraycopy(ends, n, ends, 0, count - n);
        for (int i = 0; i < count; i++) {
            decoded[i] = null;
        }
        count -= n;
    }

    /** True when field {@code i} is one or more ASCII digits. */
    boolean isDigits(int i) {
        if (i >= count || starts[i] == ends[i]) {
            return false;
        }
        for (int k = starts[i]; k < ends[i]; k++) {
            if (buf[k] < '0' || buf[k] > '9') {
                return false;
            }
        }
        return true;
    }

    int lastField() {
        return lastField;
    }

    boolean isEmpty(int i) {
        lastField = i;
        return i >= count || starts[i] == ends[i];
    }

    /** Field {@code i} decoded; empty when the record has fewer fields. */
    String text(int i) {
        lastField = i;
        if (i >= count) {
            return "";
        }
        String s = decoded[i];
        if (s == null) {
            s = decode(i);
            decoded[i] = s;
        }
        return s;
    }

    /** Decodes every field that holds non-ASCII bytes, so that undecodable bytes anywhere are found. */
    void checkDecodable() {
        if (nonAscii) {
            for (int i = 0; i < count; i++) {
                text(i);
            }
        }
    }

    private String decode(int i) {
        int s = starts[i];
        int e = ends[i];
        if (e - s == 1 && buf[s] >= '0' && buf[s] <= '9') {
            return SHORT_DIGITS[buf[s] - '0'];
        }
        if (e - s == 2 && buf[s] >= '0' && buf[s] <= '9' && buf[s + 1] >= '0' && buf[s + 1] <= '9') {
            return SHORT_DIGITS[10 + (buf[s] - '0') * 10 + (buf[s + 1] - '0')];
        }
        if (nonAscii) {
            for (int k = s; k < e; k++) {
                if (buf[k] < 0) {
                    return decodeSjis(s, e);
                }
            }
        }
        return new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private String decodeSjis(int s, int e) {
        try {
            decoder.reset();
            return decoder.decode(ByteBuffer.wrap(buf, s, e - s)).toString();
        } catch (CharacterCodingException ex) {
            StringBuilder hex = new StringBuilder();
            for (int k = s; k < e && k < s + 16; k++) {
                hex.append(String.format(" %02X", buf[k] & 0xFF));
            }
            throw new InvalidValueException("undecodable bytes for Shift_JIS (Windows-31J):" + hex);
        }
    }

    /** Field {@code i} that must be exactly {@code n} ASCII digits. */
    String digits(int i, int n) {
        String s = text(i);
        if (s.length() != n || !allDigits(s)) {
            throw new InvalidValueException("must be " + n + " digits, got \"" + s + "\"");
        }
        return s;
    }

    /** Field {@code i} that must be empty or exactly {@code n} ASCII digits. */
    String optionalDigits(int i, int n) {
        return isEmpty(i) ? "" : digits(i, n);
    }

    /** A required unsigned integer of at most {@code maxDigits} digits. */
    int integer(int i, int maxDigits) {
        if (isEmpty(i)) {
            throw new InvalidValueException("required number is missing");
        }
        return (int) parseLong(i, maxDigits);
    }

    Integer optionalInteger(int i, int maxDigits) {
        return isEmpty(i) ? null : (int) parseLong(i, maxDigits);
    }

    Long optionalLong(int i, int maxDigits) {
        return isEmpty(i) ? null : parseLong(i, maxDigits);
    }

    private long parseLong(int i, int maxDigits) {
        lastField = i;
        int s = starts[i];
        int e = ends[i];
        if (e - s > maxDigits) {
            throw new InvalidValueException("more than " + maxDigits + " digits: \"" + text(i) + "\"");
        }
        long v = 0;
        for (int k = s; k < e; k++) {
            int d = buf[k] - '0';
            if (d < 0 || d > 9) {
                throw new InvalidValueException("not an unsigned integer: \"" + text(i) + "\"");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** A decimal such as 使用量 ("1", "0.5", "12.25000"): digits with at most one point. */
    BigDecimal optionalDecimal(int i, int maxIntegerDigits, int maxFractionDigits) {
        if (isEmpty(i)) {
            return null;
        }
        String s = text(i);
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() || !allDigits(whole) || (dot >= 0 && (fraction.isEmpty() || !allDigits(fraction)))) {
            throw new InvalidValueException("not a decimal number: \"" + s + "\"");
        }
        if (whole.length() > maxIntegerDigits || fraction.length() > maxFractionDigits) {
            throw new InvalidValueException(
                    "more than " + maxIntegerDigits + "." + maxFractionDigits + " digits: \"" + s + "\"");
        }
        return new BigDecimal(s);
    }

    LocalDate date(int i) {
        if (isEmpty(i)) {
            throw new InvalidValueException("required date is missing");
        }
        return ReceiptDates.parseDate(text(i));
    }

    LocalDate optionalDate(int i) {
        return isEmpty(i) ? null : ReceiptDates.parseDate(text(i));
    }

    YearMonth yearMonth(int i) {
        if (isEmpty(i)) {
            throw new InvalidValueException("required year-month is missing");
        }
        return ReceiptDates.parseYearMonth(text(i));
    }

    /** Required text. */
    String required(int i) {
        String s = text(i);
        if (s.isEmpty()) {
            throw new InvalidValueException("required value is missing");
        }
        return s;
    }

    static boolean allDigits(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
