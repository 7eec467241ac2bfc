package jp.kenpo.privacy.anonymizer.search;

import java.time.Duration;
import java.util.Objects;

/**
 * How to search the lattice. {@link Mode#EXACT} finds the optimum by pruning a full
 * enumeration; {@link Mode#HEURISTIC} explores best-first from the bottom with a time budget and
 * says whether it proved its answer optimal; {@link Mode#AUTO} takes the exact search while the
 * lattice has at most {@code maxExactNodes} nodes. A zero budget means no limit.
 */
public record SearchOptions(Mode mode, Duration timeBudget, long maxExactNodes) {

  public enum Mode { AUTO, EXACT, HEURISTIC }

  public static final SearchOptions DEFAULT = new SearchOptions(Mode.AUTO, Duration.ZERO, 1L << 20);

  public SearchOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (timeBudget.isNegative()) {
      throw new IllegalArgumentException("the time budget " + timeBudget + " is negative");
    }
  }

  public SearchOptions withTimeBudget(Duration budget) {
    return new SearchOptions(mode, budget, maxExactNodes);
  }

  public SearchOptions withMode(Mode newMode) {
    return new SearchOptions(newMode, timeBudget, maxExactNodes);
  }
}
