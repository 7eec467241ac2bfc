package jp.kenpo.privacy.anonymizer.search;

import java.util.Arrays;

/**
 * The optimal search over a lattice small enough to keep a byte of state per node.
 *
 * <p>Phase 1 sorts every node into "passes" or "fails" the monotone part of the models with few
 * evaluations: it walks chains upward from the lowest unsorted node and binary-searches each
 * chain, since a passing node makes every coarser node pass and a failing one every finer node
 * fail (the idea of Flash, Kohlmayer et al. 2012). Phase 2 visits the passing nodes in order of
 * their loss lower bound and stops once the bound exceeds the best loss found: that proves the
 * optimum. When every model and the metric are monotone only the lowest passing nodes can win.
 */
final class ExactSearch extends SearchRun {

  private static final byte UNKNOWN = 0;
  private static final byte PASS = 1;
  private static final byte FAIL = 2;

  private final int size;
  private final byte[] status;
  private final double[] bound;
  private final NodeResult[] results;

  ExactSearch(Problem problem) {
    super(problem);
    this.size = (int) lattice.size();
    this.status = new byte[size];
    this.bound = new double[size];
    this.results = new NodeResult[size];
    for (int id = 0; id < size; id++) {
      bound[id] = problem.loss.lowerBound(lattice.levels(id));
    }
  }

  @Override
  SearchResult run() {
    boolean complete = sortByMonotoneModels();
    int[] candidates = candidates();
    long best = -1;
    for (int i = 0; i < candidates.length && complete; i++) {
      int id = candidates[i];
      if (best >= 0 && bound[id] > results[(int) best].loss() * (1 + Search.TIE) + Search.TIE) {
        break;
      }
      if (timeUp()) {
        complete = false;
        break;
      }
      NodeResult result = resultOf(id);
      if (result.pass() && (best < 0 || better(id, best))) {
        best = id;
      }
    }
    if (!complete) {
      best = bestEvaluated();
    }
    if (best < 0 && !complete && resultOf((int) lattice.top()).pass()) {
      best = lattice.top(); // out of time before any solution: the coarsest node, if it passes
    }
    if (best < 0) {
      throw Search.noSolution(problem);
    }
    return result(best, results[(int) best], complete, "exact");
  }

  private NodeResult resultOf(int id) {
    if (results[id] == null) {
      results[id] = evaluate(lattice.levels(id));
      if (status[id] == UNKNOWN) {
        tag(id, results[id].monotonePass());
      }
    }
    return results[id];
  }

  private boolean better(long a, long b) {
    return Search.better(results[(int) a].loss(), a, Search.sum(lattice.levels(a)),
        results[(int) b].loss(), b, Search.sum(lattice.levels(b)));
  }

  private long bestEvaluated() {
    long best = -1;
    for (int id = 0; id < size; id++) {
      if (results[id] != null && results[id].pass() && (best < 0 || better(id, best))) {
        best = id;
      }
    }
    return best;
  }

  // Phase 1. Returns false when the time budget ran out first.
  private boolean sortByMonotoneModels() {
    for (int id : byLevelSum()) {
      if (status[id] != UNKNOWN) {
        continue;
      }
      if (timeUp()) {
        return false;
      }
      int[] path = pathUpFrom(id);
      int low = 0;
      int high = path.length - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int node = path[mid];
        if (status[node] == UNKNOWN) {
          resultOf(node);
        }
        if (status[node] == PASS) {
          high = mid - 1;
        } else {
          low = mid + 1;
        }
      }
    }
    return true;
  }

  private void tag(int id, boolean pass) {
    if (pass) {
      lattice.forEachAbove(id, node -> {
        if (status[(int) node] == UNKNOWN) {
          status[(int) node] = PASS;
        }
      });
    } else {
      lattice.forEachBelow(id, node -> {
        if (status[(int) node] == UNKNOWN) {
          status[(int) node] = FAIL;
        }
      });
    }
  }

  // A chain of unsorted nodes upward, each step to the successor with the smallest bound.
  private int[] pathUpFrom(int id) {
    int[] path = new int[8];
    int length = 0;
    long node = id;
    while (node >= 0) {
      if (length == path.length) {
        path = Arrays.copyOf(path, length * 2);
      }
      path[length++] = (int) node;
      long next = -1;
      for (int d = 0; d < lattice.dimensions(); d++) {
        long successor = lattice.successor(node, d);
        if (successor >= 0 && status[(int) successor] == UNKNOWN
            && (next < 0 || bound[(int) successor] < bound[(int) next])) {
          next = successor;
        }
      }
      node = next;
    }
    return Arrays.copyOf(path, length);
  }

  private int[] byLevelSum() {
    int dims = lattice.dimensions();
    int maxSum = 0;
    for (int d = 0; d < dims; d++) {
      maxSum += lattice.max(d) - lattice.min(d);
    }
    int[] sums = new int[size];
    int[] start = new int[maxSum + 2];
    for (int id = 0; id < size; id++) {
      int sum = 0;
      for (int d = 0; d < dims; d++) {
        sum += lattice.level(id, d) - lattice.min(d);
      }
      sums[id] = sum;
      start[sum + 1]++;
    }
    for (int s = 0; s <= maxSum; s++) {
      start[s + 1] += start[s];
    }
    int[] order = new int[size];
    for (int id = 0; id < size; id++) {
      order[start[sums[id]]++] = id;
    }
    return order;
  }

  // Phase 2's nodes, by bound: the passing ones, or only the lowest when all is monotone.
  private int[] candidates() {
    boolean onlyMinimal = fullyMonotone();
    int count = 0;
    int[] ids = new int[size];
    for (int id = 0; id < size; id++) {
      if (status[id] == PASS && (!onlyMinimal || minimal(id))) {
        ids[count++] = id;
      }
    }
    Integer[] boxed = new Integer[count];
    for (int i = 0; i < count; i++) {
      boxed[i] = ids[i];
    }
    Arrays.sort(boxed, (a, b) -> bound[a] != bound[b]
        ? Double.compare(bound[a], bound[b]) : Integer.compare(a, b));
    int[] sorted = new int[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = boxed[i];
    }
    return sorted;
  }

  private boolean minimal(int id) {
    for (int d = 0; d < lattice.dimensions(); d++) {
      long predecessor = lattice.predecessor(id, d);
      if (predecessor >= 0 && status[(int) predecessor] == PASS) {
        return false;
      }
    }
    return true;
  }
}
