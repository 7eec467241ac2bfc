package jp.kenpo.privacy.formats.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Cuts a receipt file into lines, in one buffer (1 MiB) that is refilled, never grown: a line ends
 * at LF (a CR before it is dropped); the last line may lack it, and may end with the end-of-file
 * mark 0x1A. A line longer than {@link ReceiptReader#MAX_LINE_BYTES} is not returned but told to
 * {@code longLines} with its number, however long it is (the buffer is discarded until its end).
 * A line is valid until the next call of {@link #next()}.
 */
final class LineFramer {

    private static final int BUFFER_BYTES = 1 << 20;
    private static final byte EOF_MARK = 0x1A;

    private final InputStream in;
    private final LongConsumer longLines;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private long bytesRead;
    private int lineStart;
    private int lineEnd;

    LineFramer(InputStream in, LongConsumer longLines) {
        this.in = in;
        this.longLines = longLines;
    }

    /** The buffer the current line is in (always the same array). */
    byte[] buffer() {
        return buf;
    }

    int lineStart() {
        return lineStart;
    }

    /** End of the current line, its CR LF excluded. */
    int lineEnd() {
        return lineEnd;
    }

    /** Number of the current line (1-based); at the end of the input, of the lines there were. */
    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Finds the next line in the buffer; false at the end of the input. */
    boolean next() throws IOException {
        boolean discarding = false;
        long discardLine = 0;
        while (true) {
            int nl = indexOfNewline(pos, limit);
            if (nl >= 0) {
                int start = pos;
                pos = nl + 1;
                lineNumber++;
                if (discarding) {
                    longLines.accept(discardLine);
                    discarding = false;
                    continue;
                }
                lineStart = start;
                lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
                if (lineEnd - lineStart > ReceiptReader.MAX_LINE_BYTES) {
                    longLines.accept(lineNumber);
                    continue;
                }
                return true;
            }
            if (eof) {
                if (pos >= limit) {
                    return false;
                }
                // the last line has no CR LF: accept it, without a trailing end-of-file mark
                int start = pos;
                int end = limit;
                pos = limit;
                if (buf[end - 1] == EOF_MARK) {
                    end--;
                }
                if (end > start && buf[end - 1] == '\r') {
                    end--;
                }
                if (end == start) {
                    return false;
                }
                lineNumber++;
                lineStart = start;
                lineEnd = end;
                return true;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                if (!discarding) {
                    discarding = true;
                    discardLine = lineNumber + 1;
                }
                limit = 0;
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                if (discarding) {
                    lineNumber++;
                    longLines.accept(discardLine);
                    discarding = false;
                    limit = 0;
                }
            } else {
                limit += n;
                bytesRead += n;
            }
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
