package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes handed, a megabyte at a time, to a thread of their own that takes them ({@link Sink}),
 * while the writing thread goes on with the next: the seal's encryption is one long chain that no
 * second thread can share, so what can move off it (the archive's hashing and writing, the
 * integrity digest) goes to such threads. At most a few chunks are in flight: a slow taker holds
 * the writer back rather than filling memory. A failure of the taking thread is thrown to the
 * writing thread at its next hand-off or at {@link #finish()}; a seal that fails stops the taking
 * thread ({@link #close()}) before anything is removed.
 */
final class HandOff extends OutputStream {

    /** What the thread of its own does with each chunk, in order. */
    interface Sink {
        void take(byte[] bytes, int length) throws IOException;
    }

    private static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 4;

    /** A chunk to take, or the end ({@code bytes == null}). */
    private record Chunk(byte[] bytes, int length) {}

    private static final Chunk END = new Chunk(null, 0);

    private final Sink sink;
    private final String work;
    private final BlockingQueue<Chunk> toTake = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<byte[]> taken = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final Thread taker;
    private volatile Throwable failure;
    private byte[] current = new byte[CHUNK];
    private int used;
    private boolean ended;

    /** {@code work} names what the thread does, in a failure's message ("writing the archive"). */
    HandOff(String threadName, String work, Sink sink) {
        this.sink = sink;
        this.work = work;
        this.taker = new Thread(this::takeChunks, threadName);
        taker.setDaemon(true);
        taker.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (used == current.length) {
            handOff();
        }
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == current.length) {
                handOff();
            }
            int n = Math.min(len, current.length - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Hands off what is left and waits until every chunk is taken; throws the taking thread's failure. */
    void finish() throws IOException {
        if (used > 0) {
            handOff();
        }
        end();
        throwFailure();
    }

    /** After {@link #finish()}, nothing; otherwise (a failed seal) stops the taking thread. */
    @Override
    public void close() {
        if (!ended) {
            end();
        }
    }

    private void handOff() throws IOException {
        throwFailure();
        try {
            toTake.put(new Chunk(current, used));
            byte[] free = taken.poll();
            current = free != null ? free : new byte[CHUNK];
            used = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sealing was interrupted");
        }
    }

    /** Tells the taking thread to stop once it has what was handed off, and waits for it. */
    private void end() {
        ended = true;
        boolean interrupted = false;
        while (taker.isAlive()) {
            try {
                if (toTake.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    taker.join();
                }
            } catch (InterruptedException e) {
                interrupted = true; // the thread is stopped all the same before anything is removed
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw new IOException(work + " failed: " + e.getMessage(), e);
        }
        if (f != null) {
            throw new IllegalStateException(work + " failed", f);
        }
    }

    /** The taking thread: each chunk to the sink; after a failure, only take them until the end. */
    private void takeChunks() {
        try {
            for (Chunk c = toTake.take(); c != END; c = toTake.take()) {
                if (failure == null) {
                    try {
                        sink.take(c.bytes(), c.length());
                    } catch (IOException | RuntimeException | Error e) {
                        failure = e;
                    }
                }
                taken.offer(c.bytes());
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }
}
