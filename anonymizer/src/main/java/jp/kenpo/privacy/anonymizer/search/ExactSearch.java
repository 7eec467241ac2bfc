package jp.kenpo.privacy.anonymizer.search;

import java.util.Arrays;

/**
 * The optimal search over a lattice small enough to keep a byte of state per node.
 *
 * <p>A first dive from the bottom gives a solution, whose loss bounds the optimum from above;
 * from then on any node whose loss lower bound exceeds the best loss found is ignored. Phase 1
 * sorts the remaining nodes into "passes" or "fails" the monotone part of the models with few
 * evaluations: it walks chains upward from the lowest unsorted node and binary-searches each
 * chain, since a passing node makes every coarser node pass and a failing one every finer node
 * fail (the idea of Flash, Kohlmayer et al. 2012). Phase 2 visits the passing nodes in order of
 * their lower bound and stops once the bound exceeds the best loss found: that proves the
 * optimum. When every model and the metric are monotone only the lowest passing nodes can win.
 * With sensitive models, a candidate is first tried with k-anonymity alone, which is far cheaper
 * and can only pass more and lose less; only a candidate that could still win is evaluated fully.
 */
final class ExactSearch extends SearchRun {

    private static final byte UNKNOWN = 0;
    private static final byte PASS = 1;
    private static final byte FAIL = 2;

    private final int size;
    private final byte[] status;
    private final double[] bound;
    private final NodeResult[] results;
    private long best = -1;

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
        dive();
        boolean complete = sortByMonotoneModels();
        int[] candidates = complete ? candidates() : new int[0];
        for (int i = 0; i < candidates.length; i++) {
            int id = candidates[i];
            if (bound[id] > limit()) {
                break;
            }
            if (timeUp()) {
                complete = false;
                break;
            }
            if (results[id] == null && hopeless(lattice.levels(id), limit())) {
                continue;
            }
            resultOf(id);
        }
        if (best < 0 && !complete && resultOf(lattice.top()).pass()) {
            best = lattice.top(); // out of time before any solution: the coarsest node, if it passes
        }
        if (best < 0) {
            throw Search.noSolution(problem, complete);
        }
        return result(best, results[(int) best], complete, "exact");
    }

    // the bound above which a node cannot beat the best solution (none yet: no bound)
    private double limit() {
        return best < 0 ? Double.POSITIVE_INFINITY : results[(int) best].loss() * (1 + Search.TIE) + Search.TIE;
    }

    @Override
    double bound(long id) {
        return bound[(int) id];
    }

    @Override
    NodeResult resultOf(long node) {
        int id = (int) node;
        if (results[id] == null) {
            results[id] = evaluate(lattice.levels(id));
            if (status[id] == UNKNOWN) {
                tag(id, results[id].monotonePass());
            }
            if (results[id].pass() && (best < 0 || better(id, best))) {
                best = id;
            }
        }
        return results[id];
    }

    private boolean better(long a, long b) {
        return Search.better(
                results[(int) a].loss(),
                a,
                Search.sum(lattice.levels(a)),
                results[(int) b].loss(),
                b,
                Search.sum(lattice.levels(b)));
    }

    // Phase 1. Returns false when the time budget ran out first.
    private boolean sortByMonotoneModels() {
        for (int id : byLevelSum()) {
            if (status[id] != UNKNOWN || bound[id] > limit()) {
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

    // A chain of unsorted nodes upward, each step to the successor with the smallest bound, as
    // long as that bound leaves the node a chance to beat the best solution.
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
                if (successor >= 0
                        && status[(int) successor] == UNKNOWN
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
        Arrays.sort(boxed, (a, b) -> bound[a] != bound[b] ? Double.compare(bound[a], bound[b]) : Integer.compare(a, b));
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
