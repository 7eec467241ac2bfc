package jp.kenpo.privacy.formats.checkup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes were read: the real size, whatever a header claims. */
final class BoundedInputStream extends FilterInputStream {

    static final class LimitExceeded extends IOException {
        LimitExceeded(long limit) {
            super("larger than the limit of " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;
    private boolean exceeded;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    private void count(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new LimitExceeded(limit);
        }
    }

    /** Whether the limit was passed, however a reader above reported the exception. */
    boolean exceeded() {
        return exceeded;
    }
}
