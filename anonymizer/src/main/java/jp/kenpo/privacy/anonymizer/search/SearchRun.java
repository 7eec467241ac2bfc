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
  private final long started = System.nanoTime();
  private final long deadline;

  SearchRun(Problem problem) {
    this.problem = problem;
    this.lattice = problem.lattice;
    this.evaluator = new Evaluator(problem);
    Duration budget = problem.request.search().timeBudget();
    this.deadline = budget.isZero() ? Long.MAX_VALUE : started + budget.toNanos();
    int[] bottom = lattice.levels(lattice.bottom());
    Cells rows = evaluator.rowCells();
    this.cache = new SnapshotCache(evaluator.snapshot(bottom, rows));
  }

  abstract SearchResult run();

  NodeResult evaluate(int[] levels) {
    Cells source = cache.sourceFor(levels);
    Evaluator.Outcome outcome = evaluator.evaluate(levels, source, true);
    cache.offer(outcome.cells(), source);
    return outcome.result();
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
    return problem.metric().monotone(problem.request.suppressionLimit());
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
