package jp.kenpo.privacy.formats.receipt;

import java.util.Arrays;
import jp.kenpo.privacy.formats.RawText;
import jp.kenpo.privacy.formats.UnreadableRecord;

/**
 * The raw lines of the receipt being read, kept so that a receipt left out can be handed over as
 * it stood in the file. Holds at most {@link UnreadableRecord#MAX_TEXT_BYTES}; what is beyond is
 * only counted. Reused from receipt to receipt.
 */
final class RawLines {

    private byte[] bytes = new byte[4096];
    private int size;
    private long omitted;

    void clear() {
        size = 0;
        omitted = 0;
    }

    void add(byte[] buf, int from, int to) {
        int n = to - from;
        int room = UnreadableRecord.MAX_TEXT_BYTES - size - (size > 0 ? 1 : 0);
        if (n > room) {
            omitted += n + (size > 0 ? 1 : 0);
            return;
        }
        if (size + n + 1 > bytes.length) {
            bytes = Arrays.copyOf(
                    bytes, Math.min(UnreadableRecord.MAX_TEXT_BYTES, Math.max(bytes.length * 2, size + n + 1)));
        }
        if (size > 0) {
            bytes[size++] = '\n';
        }
        System.arraycopy(buf, from, bytes, size, n);
        size += n;
    }

    /** A line not kept (one too long to be read), as a note in its place. */
    void note(String text) {
        byte[] b = text.getBytes(ReceiptCharset.CHARSET);
        add(b, 0, b.length);
    }

    int size() {
        return size;
    }

    /** The lines up to {@code end} (a {@link #size()} taken earlier). */
    String text(int end) {
        return RawText.of(bytes, 0, end, ReceiptCharset.CHARSET);
    }

    /** Forgets the lines before {@code start}; those after it begin the next receipt. */
    void dropBefore(int start) {
        int from = start < size && start > 0 && bytes[start] == '\n' ? start + 1 : start;
        System.arraycopy(bytes, from, bytes, 0, size - from);
        size -= from;
        omitted = 0;
    }

    long omitted() {
        return omitted;
    }
}
