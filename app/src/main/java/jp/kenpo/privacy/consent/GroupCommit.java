package jp.kenpo.privacy.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jp.kenpo.privacy.audit.Actor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit (グループコミット) of consent events: the requests that callers make at the same
 * moment are written by a few writer threads, each group in one transaction — one commit (one
 * flush of the database's log) and one audit-trail write for the group instead of one per event.
 * A caller returns only once the transaction holding its event has committed, so what it is told
 * is recorded is durable; a request the ledger refuses fails alone, and a group whose transaction
 * fails is written again one request per transaction, so that one bad request never takes
 * another's event with it.
 *
 * <p>Within a group, a member's requests are written in the order they arrived. The group never
 * waits for a member's row lock held by another transaction: it leaves that request to its
 * caller, so that one busy member does not stall every clerk's events.
 */
final class GroupCommit implements AutoCloseable {

    /** One caller's request, stamped in the caller's thread with who made it and from where. */
    record Submission(ConsentRequest request, String recordedBy, Actor actor) {}

    /** The most events one transaction holds: it bounds how long the group holds its members' locks. */
    static final int MAX_GROUP = 64;

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transaction;
    private final Function<List<Submission>, List<ConsentLedger.Appended>> append;
    private final ExecutorService writers;
    private final int writerThreads;
    private volatile boolean closed;

    /**
     * @param append writes a group's submissions, in the order given, inside the group's
     *               transaction, and answers each one's event or refusal in the same order
     */
    GroupCommit(
            TransactionTemplate transaction,
            Function<List<Submission>, List<ConsentLedger.Appended>> append,
            int writerThreads) {
        this.transaction = transaction;
        this.append = append;
        this.writerThreads = writerThreads;
        var number = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(writerThreads, r -> {
            var t = new Thread(r, "consent-ledger-writer-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < writerThreads; i++) {
            writers.execute(this::writeUntilClosed);
        }
    }

    /**
     * Records the submission and returns its event once committed, or nothing when its member was
     * locked by another transaction (nothing was written); rethrows a refusal as it was thrown.
     */
    Optional<ConsentEvent> record(Submission s) {
        var waiting = new Waiting(s, new CompletableFuture<>());
        if (closed) {
            throw shutDown();
        }
        queue.add(waiting);
        if (closed && queue.remove(waiting)) {
            throw shutDown();
        }
        return await(waiting.result);
    }

    private static Optional<ConsentEvent> await(CompletableFuture<Optional<ConsentEvent>> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    // no time limit of its own: the group's transaction has one, and a caller that
                    // gave up early could not tell whether its event was recorded
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeUntilClosed() {
        var group = new ArrayList<Waiting>(MAX_GROUP);
        while (!closed) {
            try {
                // close() wakes the writer with WAKE, not an interrupt: an interrupt could break a
                // database connection in the middle of a group
                Waiting first = queue.take();
                if (first == WAKE) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            int wakes = 0;
            while (group.remove(WAKE)) {
                wakes++;
            }
            // a wake-up taken with a group belongs to another writer, still waiting for it
            for (int i = 0; i < wakes; i++) {
                queue.add(WAKE);
            }
            write(group);
            group.clear();
        }
    }

    private void write(List<Waiting> group) {
        List<ConsentLedger.Appended> outcomes;
        try {
            outcomes = transaction.execute(status ->
                    append.apply(group.stream().map(Waiting::submission).toList()));
        } catch (RuntimeException | Error failed) {
            // an Error too: escaping, it would end the writer and leave the group's callers waiting for ever
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(failed);
            } else {
                for (Waiting w : group) {
                    write(List.of(w));
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            var outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                group.get(i).result.completeExceptionally(outcome.refusal());
            } else {
                group.get(i).result.complete(Optional.ofNullable(outcome.event()));
            }
        }
    }

    private static IllegalStateException shutDown() {
        return new IllegalStateException("the consent ledger is shutting down: the event was not recorded");
    }

    /** Lets the writers finish the groups they hold; requests still waiting are refused, not lost silently. */
    @Override
    public void close() {
        closed = true;
        // one wake-up for each writer waiting on an empty queue: a short command's close does not wait for it
        for (int i = 0; i < writerThreads; i++) {
            queue.add(WAKE);
        }
        writers.shutdown();
        try {
            writers.awaitTermination(ConsentLedger.WRITE_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Waiting left;
        while ((left = queue.poll()) != null) {
            if (left == WAKE) {
                continue;
            }
            left.result.completeExceptionally(shutDown());
        }
    }

    private record Waiting(Submission submission, CompletableFuture<Optional<ConsentEvent>> result) {}

    /** Not a request: wakes a writer waiting on an empty queue so that it sees the ledger closed. */
    private static final Waiting WAKE = new Waiting(null, null);
}
