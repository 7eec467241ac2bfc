package jp.kenpo.privacy.formats.checkup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.RawText;
import jp.kenpo.privacy.formats.UnreadableRecord;

/**
 * A document's bytes as the parser takes them, the first {@link UnreadableRecord#MAX_TEXT_BYTES}
 * of them kept, so that a document left out can be handed over as it stood without reading the
 * input twice. Closing it leaves the input open (it is an archive's entry).
 */
final class RecordCapture extends FilterInputStream {

    private final int keep;
    private byte[] kept = new byte[0];
    private int size;
    private long omitted;

    /** @param keep whether to keep the bytes at all (a caller that only prints problems does not) */
    RecordCapture(InputStream in, boolean keep) {
        super(in);
        this.keep = keep ? UnreadableRecord.MAX_TEXT_BYTES : 0;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read, not skipped: skipped bytes would be missing from the text
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
    }

    private void keep(byte[] b, int off, int n) {
        int take = Math.min(n, keep - size);
        if (take > 0) {
            if (size + take > kept.length) {
                kept = Arrays.copyOf(kept, Math.min(keep, Math.max(size + take, kept.length * 2 + 4096)));
            }
            System.arraycopy(b, off, kept, size, take);
            size += take;
        }
        omitted += n - Math.max(take, 0);
    }

    /** The record left out: the rest of the document is read first, so that the text is whole (up to the bound). */
    UnreadableRecord leftOut(String name, FormatError problem) throws IOException {
        in.transferTo(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                keep(b, off, len);
            }
        });
        return new UnreadableRecord(
                name, 1, problem, RawText.of(kept, 0, size, StandardCharsets.UTF_8), keep == 0 ? 0 : omitted);
    }

    @Override
    public void close() {
        // the input is an archive entry or the caller's stream
    }
}
