package jp.kenpo.privacy.release;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Forces a growing file to disk every quarter second, on a thread of its own, while it is written.
 * The kernel keeps a file's written pages in memory until it must (a tenth of the memory), so the
 * seal's one force at the end waited some 2 s for a year's 3 GB archive to reach the disk, the
 * processor idle; forced as it grows, the disk writes while the encryption goes on, and the last
 * force finds only the last moment's pages. The thread is never interrupted: an interrupt in a
 * force closes the channel. A force that failed is thrown by {@link #finish()}, since a later
 * force need not report the earlier failure of the same pages.
 */
final class WriteBack implements AutoCloseable {

    private static final long PERIOD_MILLIS = 250;

    private final FileChannel channel;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile IOException failure;

    WriteBack(FileChannel channel, String name) {
        this.channel = channel;
        this.thread = new Thread(this::forceEveryPeriod, "seal-write-back-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void forceEveryPeriod() {
        try {
            while (!stop.await(PERIOD_MILLIS, TimeUnit.MILLISECONDS)) {
                channel.force(false);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the forcing, waiting for a force under way; throws what a force threw. */
    void finish() throws IOException {
        close();
        IOException failed = failure;
        if (failed != null) {
            throw new IOException("writing the archive to disk failed: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void close() {
        stop.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
