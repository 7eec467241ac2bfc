package jp.kenpo.privacy.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than {@code limit} bytes were read: the real size, whatever a header (a zip
 * entry's, an HTTP request's Content-Length) claims.
 */
public final class BoundedInputStream extends FilterInputStream {

    /** More bytes than the limit. */
    public static final class LimitExceeded extends IOException {
        private final long limit;

        LimitExceeded(long limit) {
            super("larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final long limit;
    private long count;
    private boolean exceeded;

    public BoundedInputStream(InputStream in, long limit) {
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
    public boolean exceeded() {
        return exceeded;
    }
}
