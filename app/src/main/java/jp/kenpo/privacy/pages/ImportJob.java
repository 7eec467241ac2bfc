package jp.kenpo.privacy.pages;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.kenpo.privacy.claims.ImportedFile;

/**
 * One import started on the pages, running in the background: what was sent, how far it has got,
 * and once it has ended what it did. Read by the job's page while the worker writes it, so each
 * field is published whole (volatile, immutable values).
 */
final class ImportJob {

    enum Kind {
        MEMBERS,
        RECEIPTS,
        CHECKUPS
    }

    enum State {
        WAITING,
        RUNNING,
        /** Ended: every file has its outcome (some may have failed, each rolled back whole). */
        DONE,
        /** The member file was refused whole: nothing of it was written. */
        REFUSED,
        /** Something nobody foresaw ended the job; what was committed before is in the result. */
        FAILED
    }

    /** A line of a file that was not taken, and why; the reason never holds the line's values. */
    record RefusedLine(String file, long line, String field, String reason) {}

    /** A member file's counts. */
    record MembersResult(
            int rowsRead,
            int membersAdded,
            int membersUpdated,
            int periodsAdded,
            int periodsUpdated,
            int rowsSkipped) {}

    /** A receipt or checkup file's outcome, named as it was sent. */
    record FileResult(
            String name,
            ImportedFile.Outcome outcome,
            long fileId,
            int records,
            int linked,
            int quarantined,
            int unchanged,
            String problem,
            List<String> fileProblems,
            int fileProblemCount) {}

    /** What the job did, once it has ended. */
    record Outcome(
            State state, MembersResult members, List<FileResult> files, List<RefusedLine> refused, String failure) {
        Outcome {
            files = List.copyOf(files);
            refused = List.copyOf(refused);
        }
    }

    /** How far the worker has got: the file (1-based, of {@code files}) and what it counts. */
    record Progress(int fileNumber, String file, long done, long total, String unit) {
        public int percent() {
            return total > 0 ? (int) Math.min(100, done * 100 / total) : -1;
        }
    }

    private final String id;
    private final Kind kind;
    private final String startedBy;
    private final Instant startedAt;
    private final List<String> files;
    private final long bytes;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile State state = State.WAITING;
    private volatile Progress progress;
    private volatile Outcome outcome;

    ImportJob(String id, Kind kind, String startedBy, Instant startedAt, List<String> files, long bytes) {
        this.id = id;
        this.kind = kind;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.files = List.copyOf(files);
        this.bytes = bytes;
        this.progress = new Progress(1, files.get(0), 0, -1, "bytes");
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<String> files() {
        return files;
    }

    public long bytes() {
        return bytes;
    }

    public State state() {
        return state;
    }

    public boolean ended() {
        return outcome != null;
    }

    public Progress progress() {
        return progress;
    }

    /** Null until the job has ended. */
    public Outcome outcome() {
        return outcome;
    }

    void running() {
        state = State.RUNNING;
    }

    void progress(Progress now) {
        progress = now;
    }

    void end(Outcome what) {
        outcome = what;
        state = what.state();
        ended.countDown();
    }

    /** Waits at most this long for the job to end; whether it has. */
    boolean awaitEnd(long millis) {
        try {
            return ended.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended();
        }
    }
}
