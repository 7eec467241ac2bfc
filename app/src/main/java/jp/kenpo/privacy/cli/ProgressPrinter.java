package jp.kenpo.privacy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import jp.kenpo.privacy.claims.ImportProgress;

/** Progress of a long job on standard error: a line at most every two seconds, and one when a file is done. */
final class ProgressPrinter implements ImportProgress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String job;
    private final long started = System.nanoTime();
    private long last = started;
    private Path finished;

    ProgressPrinter(PrintWriter err, String job) {
        this.err = err;
        this.job = job;
    }

    @Override
    public void update(Path file, long done, long total, String unit) {
        long now = System.nanoTime();
        // the reader's count runs ahead of the records it has handed over: "done" is told once
        boolean complete = total >= 0 && done >= total;
        if (complete ? file.equals(finished) : now - last < EVERY_NANOS) {
            return;
        }
        if (complete) {
            finished = file;
        }
        last = now;
        String amount = total > 0
                ? String.format("%d%% (%,d of %,d %s)", done * 100 / total, done, total, unit)
                : String.format("%,d %s", done, unit);
        err.printf("%s: %s %s, %.0f s%n", job, file.getFileName(), amount, (now - started) / 1e9);
        err.flush();
    }
}
