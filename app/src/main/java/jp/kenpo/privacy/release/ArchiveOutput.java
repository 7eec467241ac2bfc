package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The archive file as it is written: its bytes are handed, a megabyte at a time, to a thread of
 * their own that takes their SHA-256 and writes them, while the sealing thread packs and encrypts
 * the next (the cipher's feedback makes encryption one long chain that no second thread can share,
 * so the hashing and writing are what can move off it). At most a few chunks are in flight: a
 * slow disk holds the sealing thread back rather than filling memory. A failure of the writing
 * thread is thrown to the sealing thread at its next hand-off or at {@link #finish()}; a seal that
 * fails stops the writing thread before the file is removed ({@link #close()}).
 */
final class ArchiveOutput extends OutputStream {

    private static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 4;

    /** A chunk to write, or the end ({@code bytes == null}). */
    private record Chunk(byte[] bytes, int length) {}

    private static final Chunk END = new Chunk(null, 0);

    private final FileChannel channel;
    private final MessageDigest sha256;
    private final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<byte[]> written = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final Thread writer;
    private volatile Throwable failure;
    private byte[] current = new byte[CHUNK];
    private int used;
    private boolean ended;

    ArchiveOutput(FileChannel channel, String name) {
        this.channel = channel;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        this.writer = new Thread(this::writeChunks, "seal-" + name);
        writer.setDaemon(true);
        writer.start();
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

    /** Writes what is left, waits for the writing thread; returns the SHA-256 of every byte written. */
    String finish() throws IOException {
        if (used > 0) {
            handOff();
        }
        end();
        throwFailure();
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** After {@link #finish()}, nothing; otherwise (a failed seal) stops the writing thread. */
    @Override
    public void close() throws IOException {
        if (!ended) {
            end();
        }
    }

    private void handOff() throws IOException {
        throwFailure();
        try {
            toWrite.put(new Chunk(current, used));
            byte[] free = written.poll();
            current = free != null ? free : new byte[CHUNK];
            used = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sealing was interrupted");
        }
    }

    /** Tells the writing thread to stop once it has what was handed off, and waits for it. */
    private void end() {
        ended = true;
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                if (toWrite.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    writer.join();
                }
            } catch (InterruptedException e) {
                interrupted = true; // the thread is stopped all the same before the file is removed
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw new IOException("writing the archive failed: " + e.getMessage(), e);
        }
        if (f != null) {
            throw new IllegalStateException("writing the archive failed", f);
        }
    }

    /** The writing thread: hash and write each chunk; after a failure, only take them until the end. */
    private void writeChunks() {
        try {
            for (Chunk c = toWrite.take(); c != END; c = toWrite.take()) {
                if (failure == null) {
                    try {
                        sha256.update(c.bytes(), 0, c.length());
                        ByteBuffer bytes = ByteBuffer.wrap(c.bytes(), 0, c.length());
                        while (bytes.hasRemaining()) {
                            channel.write(bytes);
                        }
                    } catch (IOException | RuntimeException | Error e) {
                        failure = e;
                    }
                }
                written.offer(c.bytes());
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }
}
