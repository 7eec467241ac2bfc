package jp.kenpo.privacy.anonymizer.search;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Finds the full-domain generalization (one level per quasi-identifier) that satisfies the
 * models within the suppression limit with the least information loss.
 */
public final class Search {

  /** Losses closer than this are ties, broken by the lower node. */
  static final double TIE = 1e-12;

  private Search() {
  }

  public static SearchResult run(Problem problem) {
    SearchOptions options = problem.request.search();
    long nodes = problem.lattice.size();
    boolean exact = switch (options.mode()) {
      case EXACT -> true;
      case HEURISTIC -> false;
      case AUTO -> nodes <= options.maxExactNodes();
    };
    if (exact && nodes > SearchOptions.EXACT_NODE_LIMIT) {
      throw new AnonymizationException("the lattice has " + nodes + " nodes, too many for the exact"
          + " search (it keeps state for every node, at most " + SearchOptions.EXACT_NODE_LIMIT
          + "); use search mode auto or heuristic, or narrow the generalization levels");
    }
    return exact ? new ExactSearch(problem).run() : new BestFirstSearch(problem).run();
  }

  /** Whether loss a at node a beats loss b at node b (ties go to the lower, then smaller id). */
  static boolean better(double a, long idA, int sumA, double b, long idB, int sumB) {
    double tolerance = TIE * Math.max(1, Math.abs(b));
    if (a < b - tolerance) {
      return true;
    }
    if (a > b + tolerance) {
      return false;
    }
    return sumA != sumB ? sumA < sumB : idA < idB;
  }

  static int sum(int[] levels) {
    int sum = 0;
    for (int level : levels) {
      sum += level;
    }
    return sum;
  }

  static AnonymizationException noSolution(Problem problem) {
    return new AnonymizationException("no generalization satisfies the models within the"
        + " suppression limit of " + problem.maxSuppressed + " records (or none was found within"
        + " the time budget); raise the suppression limit, the maximum generalization levels or"
        + " the time budget");
  }
}
