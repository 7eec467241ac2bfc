package jp.kenpo.privacy.anonymizer.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What every search strategy shares: the evaluator, the snapshot cache and the clock. */
abstract class SearchRun {

  final Problem problem;
  final Lattice lattice;
  final Evaluator evaluator;
  final SnapshotCache cache;
  private final SearchRun kOnly; // the same search without sensitive models, null if none
  private final long started = System.nanoTime();
  private final long deadline;

  SearchRun(Problem problem) {
    this(problem, problem.models.length == 0 ? null : problem.withoutSensitiveModels());
  }

  private SearchRun(Problem problem, Problem relaxed) {
    this.problem = problem;
    this.lattice = problem.lattice;
    this.evaluator = new Evaluator(problem);
    Duration budget = problem.request.search().timeBudget();
    this.deadline = budget.isZero() ? Long.MAX_VALUE : started + budget.toNanos();
    int[] bottom = lattice.levels(lattice.bottom());
    Cells rows = evaluator.rowCells();
    this.cache = new SnapshotCache(evaluator.snapshot(bottom, rows));
    this.kOnly = relaxed == null ? null : new SearchRun(relaxed, null) {
      @Override
      SearchResult run() {
        throw new UnsupportedOperationException("only evaluates");
      }

      @Override
      NodeResult resultOf(long id) {
        throw new UnsupportedOperationException("only evaluates");
      }

      @Override
      double bound(long id) {
        throw new UnsupportedOperationException("only evaluates");
      }
    };
  }

  abstract SearchResult run();

  /** The node's evaluation, evaluating it on first use. */
  abstract NodeResult resultOf(long id);

  /** The node's loss lower bound. */
  abstract double bound(long id);

  /**
   * Up from the bottom, always to the successor with the smallest bound, until a node passes:
   * a first solution, cheap because each step rolls up the snapshot of the one before. Returns
   * it, or -1 when time ran out or no node on the way passed.
   */
  long dive() {
    long node = lattice.bottom();
    while (!timeUp()) {
      if (resultOf(node).pass()) {
        return node;
      }
      long next = -1;
      for (int d = 0; d < lattice.dimensions(); d++) {
        long successor = lattice.successor(node, d);
        if (successor >= 0 && (next < 0 || bound(successor) < bound(next))) {
          next = successor;
        }
      }
      if (next < 0) {
        return -1;
      }
      node = next;
    }
    return -1;
  }

  NodeResult evaluate(int[] levels) {
    Cells source = cache.sourceFor(levels);
    Evaluator.Outcome outcome = evaluator.evaluate(levels, source, true);
    cache.offer(outcome.cells(), source);
    return outcome.result();
  }

  /**
   * Whether the node cannot beat {@code limit}: with k-anonymity alone it already fails or loses
   * more. Checked on the far smaller snapshots of the quasi-identifiers alone, before the full
   * evaluation with the sensitive models (which can only suppress more, and lose more).
   */
  boolean hopeless(int[] levels, double limit) {
    if (kOnly == null) {
      return false;
    }
    NodeResult quick = kOnly.evaluate(levels);
    return !quick.pass() || quick.loss() > limit;
  }

  boolean timeUp() {
    return System.nanoTime() > deadline;
  }

  /** Whether every model may prune and the metric only grows, so a solution's successors lose. */
  boolean fullyMonotone() {
    for (BoundModel model : problem.models) {
      if (!model.monotone()) {
        return false;
      }
    }
    return problem.request.metric().monotone(problem.request.suppressionLimit());
  }

  SearchResult result(long id, NodeResult node, boolean optimal, String method) {
    int[] levels = lattice.levels(id);
    List<Integer> list = new ArrayList<>(levels.length);
    for (int level : levels) {
      list.add(level);
    }
    return new SearchResult(list, node.loss(), node.suppressed(), optimal, method, lattice.size(),
        evaluator.evaluations(), Duration.ofNanos(System.nanoTime() - started));
  }
}
