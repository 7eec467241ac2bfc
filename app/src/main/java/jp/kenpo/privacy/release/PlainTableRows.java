package jp.kenpo.privacy.release;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The records of a table counted from its bytes as they pass, for tables as a release writes them:
 * well-formed UTF-8, records ended by a line feed, a cell quoted only as RFC 4180 has it (a quote
 * opens the cell, two stand for one, one closes it before a comma or the record's end), so that a
 * quoted line break stays in its record. It vouches for nothing else: at a carriage return, an empty
 * line, a quote anywhere else, bytes that are not well-formed UTF-8, a record of another width than
 * the header, a very wide or long record, or no header at all, it gives up ({@link #rows()} is -1),
 * and the table is read again by the full parser, which refuses it naming the line, or counts it.
 * So a count from the bytes is only ever given for a table the parser would count the same.
 */
final class PlainTableRows {

    static final long GAVE_UP = -1;

    private static final byte ORDINARY = 0;
    private static final byte COMMA = 1;
    private static final byte LINE_FEED = 2;
    private static final byte QUOTE = 3;
    private static final byte CARRIAGE_RETURN = 4;
    private static final byte NOT_ASCII = 5;
    private static final byte[] CLASS = new byte[256];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long TOP_BITS = 0x8080808080808080L;

    /** Wider or longer records are left to the parser and its limits. */
    private static final int MAX_FIELDS = 1024;

    private static final long MAX_RECORD_BYTES = 1 << 20;

    static {
        CLASS[','] = COMMA;
        CLASS['\n'] = LINE_FEED;
        CLASS['"'] = QUOTE;
        CLASS['\r'] = CARRIAGE_RETURN;
        for (int b = 0x80; b < 0x100; b++) {
            CLASS[b] = NOT_ASCII;
        }
    }

    private enum Quoting {
        /** Outside quotes. */
        NONE,
        /** Inside a quoted cell. */
        OPEN,
        /** A quote inside a quoted cell: the cell's end, or the first of two. */
        QUOTE_SEEN
    }

    private boolean gaveUp;
    private long offset;
    private long recordStart;
    private int fields = 1;
    private boolean cellStart = true;
    private Quoting quoting = Quoting.NONE;
    private int columns = -1;
    private long records;
    /** Continuation bytes still to come of a UTF-8 character, and the range the next must lie in. */
    private int continuations;

    private int low;
    private int high;

    /** Reads the next bytes of the table. */
    void update(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        if (offset == 0 && len > 0 && (b[off] & 0xFF) == 0xEF) {
            gaveUp = true; // perhaps a byte-order mark, which the parser's reader skips
        }
        if (continuations > 0 && !gaveUp) {
            i = continueCharacter(b, i, end);
        }
        while (i < end && !gaveUp) {
            if (quoting == Quoting.NONE) {
                int from = i;
                while (i + 8 <= end && !holdsAnyButOrdinary((long) LONGS.get(b, i))) {
                    i += 8;
                }
                while (i < end && CLASS[b[i] & 0xFF] == ORDINARY) {
                    i++;
                }
                if (i > from) {
                    cellStart = false;
                }
                if (i == end) {
                    break;
                }
            }
            int c = b[i] & 0xFF;
            switch (CLASS[c]) {
                case ORDINARY -> {
                    if (quoting == Quoting.QUOTE_SEEN) {
                        gaveUp = true;
                    }
                    i++;
                }
                case COMMA -> {
                    if (quoting == Quoting.QUOTE_SEEN) {
                        quoting = Quoting.NONE;
                    }
                    if (quoting == Quoting.NONE) {
                        fields++;
                        cellStart = true;
                    }
                    i++;
                }
                case LINE_FEED -> {
                    if (quoting == Quoting.QUOTE_SEEN) {
                        quoting = Quoting.NONE;
                    }
                    if (quoting == Quoting.NONE) {
                        endRecord(offset + (i - off));
                    }
                    i++;
                }
                case QUOTE -> {
                    switch (quoting) {
                        case NONE -> {
                            if (cellStart) {
                                quoting = Quoting.OPEN;
                                cellStart = false;
                            } else {
                                gaveUp = true;
                            }
                        }
                        case OPEN -> quoting = Quoting.QUOTE_SEEN;
                        case QUOTE_SEEN -> quoting = Quoting.OPEN;
                    }
                    i++;
                }
                case NOT_ASCII -> {
                    if (quoting == Quoting.QUOTE_SEEN) {
                        gaveUp = true;
                    }
                    cellStart = false;
                    i = startCharacter(c, b, i + 1, end);
                }
                default -> gaveUp = true; // a carriage return
            }
        }
        offset += len;
    }

    /**
     * Whether any of eight bytes is other than ordinary: a comma, line feed, quote, carriage return
     * or a byte of 0x80 or more. A byte equal to {@code x} is a zero byte of {@code w ^ x}, which
     * {@code (v - 0x01…) & ~v & 0x80…} finds (it may also mark a byte above a zero byte, never one
     * where there is none).
     */
    private static boolean holdsAnyButOrdinary(long w) {
        return ((zeroByte(w ^ (',' * ONES))
                                | zeroByte(w ^ ('\n' * ONES))
                                | zeroByte(w ^ ('"' * ONES))
                                | zeroByte(w ^ ('\r' * ONES))
                                | w)
                        & TOP_BITS)
                != 0;
    }

    private static long zeroByte(long v) {
        return (v - ONES) & ~v;
    }

    /** The records after the header, or {@link #GAVE_UP}; call once, at the end of the bytes. */
    long rows() {
        if (!gaveUp && (continuations > 0 || quoting == Quoting.OPEN)) {
            gaveUp = true; // a character or a quoted cell cut off by the end
        }
        if (!gaveUp && (offset > recordStart || quoting == Quoting.QUOTE_SEEN)) {
            endRecord(offset); // the last record has no line feed
        }
        return gaveUp || records == 0 ? GAVE_UP : records - 1;
    }

    private void endRecord(long at) {
        if (at == recordStart || at - recordStart > MAX_RECORD_BYTES) {
            gaveUp = true; // an empty line, which the parser reads its own way; or a very long record
        } else if (columns < 0) {
            columns = fields;
            gaveUp = columns > MAX_FIELDS;
        } else if (fields != columns) {
            gaveUp = true;
        }
        records++;
        fields = 1;
        cellStart = true;
        quoting = Quoting.NONE;
        recordStart = at + 1;
    }

    /** The lead byte {@code c} of a character: how many continuation bytes follow, in what range (Unicode Table 3-7). */
    private int startCharacter(int c, byte[] b, int i, int end) {
        low = 0x80;
        high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            continuations = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            continuations = 2;
            if (c == 0xE0) {
                low = 0xA0;
            } else if (c == 0xED) {
                high = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            continuations = 3;
            if (c == 0xF0) {
                low = 0x90;
            } else if (c == 0xF4) {
                high = 0x8F;
            }
        } else {
            gaveUp = true;
            return i;
        }
        return continueCharacter(b, i, end);
    }

    private int continueCharacter(byte[] b, int i, int end) {
        while (continuations > 0 && i < end) {
            int c = b[i] & 0xFF;
            if (c < low || c > high) {
                gaveUp = true;
                return i;
            }
            low = 0x80;
            high = 0xBF;
            continuations--;
            i++;
        }
        return i;
    }
}
