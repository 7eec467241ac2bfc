package jp.kenpo.privacy.accounts;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing across accounts (password spraying), which per-account lock-out does not
 * catch: at most so many sign-in attempts per minute from one address — every password sign-in,
 * and the API tokens that were refused. Counted per calendar minute, in this process's memory.
 */
final class SignInThrottle {

    private static final int MAX_SOURCES = 100_000;

    private record Window(long minute, int attempts) {}

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    SignInThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts an attempt; false when the address has used up its attempts for this minute. */
    boolean allow(String source, Instant now) {
        return count(source, now) <= perMinute;
    }

    /** Whether the address has used up its attempts for this minute, without counting one. */
    boolean exhausted(String source, Instant now) {
        Window w = windows.get(source);
        return w != null && w.minute() == minute(now) && w.attempts() >= perMinute;
    }

    /** Counts an attempt (a failed one, for API tokens); the address's attempts this minute. */
    int count(String source, Instant now) {
        long minute = minute(now);
        if (windows.size() > MAX_SOURCES) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        return windows.merge(
                        source,
                        new Window(minute, 1),
                        (old, one) -> old.minute() == minute ? new Window(minute, old.attempts() + 1) : one)
                .attempts();
    }

    private static long minute(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 60);
    }
}
