package jp.kenpo.privacy.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ledger for a reader that keeps its own copy of the events (the decision index).
 * Sequence numbers are handed out when a transaction inserts, not when it commits, so a reader
 * can see event 12 before event 11 commits. The tail remembers such gaps and asks for them again
 * until they appear, or until no transaction could still be holding them (then they were rolled back).
 * Not thread-safe: one reader, one tail.
 */
public final class LedgerTail {

    /** Longer than any ledger write transaction may take. */
    static final Duration GAP_EXPIRY = Duration.ofSeconds(ConsentLedger.LONGEST_WRITE_SECONDS + 30);

    private static final int MAX_GAPS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LedgerTail.class);

    private final Map<Long, Instant> gaps = new HashMap<>();
    private long last;

    /** Hands every event not seen before to {@code sink}, in ledger order; the first poll hands all. */
    public void poll(LedgerEvents events, Instant now, Consumer<ConsentEvent> sink) {
        gaps.entrySet().removeIf(gap -> {
            boolean expired = gap.getValue().plus(GAP_EXPIRY).isBefore(now);
            if (expired) {
                // loud, because a transaction that did hold it (one joined by a caller's longer
                // transaction) would stay unseen by this reader until it starts again
                log.warn(
                        "ledger sequence {} has not appeared in {} s: taken as rolled back",
                        gap.getKey(),
                        GAP_EXPIRY.toSeconds());
            }
            return expired;
        });
        var next = new Object() {
            long expected = last + 1;
        };
        events.after(last, gaps.keySet(), e -> {
            if (gaps.remove(e.seq()) != null) {
                sink.accept(e);
                return;
            }
            if (e.seq() <= last) {
                return;
            }
            for (long missing = next.expected; missing < e.seq(); missing++) {
                if (gaps.size() >= MAX_GAPS) {
                    log.warn(
                            "more than {} ledger sequence numbers missing at once: {} to {} are not waited for",
                            MAX_GAPS,
                            missing,
                            e.seq() - 1);
                    break;
                }
                gaps.put(missing, now);
            }
            next.expected = e.seq() + 1;
            last = e.seq();
            sink.accept(e);
        });
    }

    /** Sequence numbers seen missing and not yet explained. */
    public int openGaps() {
        return gaps.size();
    }
}
