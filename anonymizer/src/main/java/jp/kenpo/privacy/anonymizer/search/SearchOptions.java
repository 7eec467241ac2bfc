package jp.kenpo.privacy.anonymizer.search;

import java.time.Duration;
import java.util.Objects;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * How to search the lattice. {@link Mode#EXACT} finds the optimum by pruning a full
 * enumeration; {@link Mode#HEURISTIC} explores best-first from the bottom and says whether it
 * proved its answer optimal; {@link Mode#AUTO} takes the exact search while the lattice has at
 * most {@code maxExactNodes} nodes. Either stops at the time budget with the best solution found;
 * a zero budget means no limit.
 */
public record SearchOptions(Mode mode, Duration timeBudget, long maxExactNodes) {

    public enum Mode {
        AUTO,
        EXACT,
        HEURISTIC
    }

    /**
     * The budget unless told otherwise. A lattice too large for the exact search can take the
     * best-first search hours to exhaust; a release should not wait on that unbounded.
     */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(60);

    /**
     * The most nodes the exact search takes: it keeps about 40 bytes of state per node, some 700 MB
     * at this size, where a larger lattice would run out of memory rather than fail clearly.
     */
    public static final long EXACT_NODE_LIMIT = 1L << 24;

    public static final SearchOptions DEFAULT = new SearchOptions(Mode.AUTO, DEFAULT_TIME_BUDGET, 1L << 20);

    public SearchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative()) {
            throw new AnonymizationException("the time budget " + timeBudget + " is negative");
        }
        if (maxExactNodes < 0 || maxExactNodes > EXACT_NODE_LIMIT) {
            throw new AnonymizationException("max-exact-nodes " + maxExactNodes + " is not between 0 and "
                    + EXACT_NODE_LIMIT + ", the most nodes the exact search can keep state for");
        }
    }

    public SearchOptions withTimeBudget(Duration budget) {
        return new SearchOptions(mode, budget, maxExactNodes);
    }

    public SearchOptions withMode(Mode newMode) {
        return new SearchOptions(newMode, timeBudget, maxExactNodes);
    }
}
