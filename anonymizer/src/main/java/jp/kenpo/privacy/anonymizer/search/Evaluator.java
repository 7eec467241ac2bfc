package jp.kenpo.privacy.anonymizer.search;

import java.util.Arrays;
import jp.kenpo.privacy.anonymizer.model.ClassDistribution;

/**
 * Evaluates lattice nodes: groups the cells of a finer snapshot into the node's equivalence
 * classes, applies the models class by class and measures the loss. One instance per search;
 * its scratch arrays are reused from node to node.
 */
final class Evaluator {

    private final Problem problem;
    private final DenseIds dense = new DenseIds();
    private final ClassDistribution[] distributions;
    private long evaluations;

    // scratch, grown on demand
    private long[] keys = new long[0];
    private int[] classOf = new int[0];
    private int[] size = new int[0];
    private int[] first = new int[0];
    private boolean[] failsMonotone = new boolean[0];
    private boolean[] fails = new boolean[0];
    private int[] start = new int[0];
    private int[] sortedTuple = new int[0];
    private int[] sortedCount = new int[0];

    Evaluator(Problem problem) {
        this.problem = problem;
        this.distributions = new ClassDistribution[problem.sensitive.length];
        for (int s = 0; s < distributions.length; s++) {
            distributions[s] = new ClassDistribution(problem.sensitive[s].domain());
        }
    }

    long evaluations() {
        return evaluations;
    }

    /** The rows as cells of their own: the source of the first snapshot and of the final grouping. */
    Cells rowCells() {
        int[][] rep = new int[problem.qis.length][];
        for (int d = 0; d < rep.length; d++) {
            rep[d] = problem.qis[d].rows;
        }
        int[] ones = new int[problem.rows];
        Arrays.fill(ones, 1);
        return new Cells(new int[problem.qis.length], problem.rows, rep, problem.rowTuple, ones);
    }

    /** Evaluation of one node, with its snapshot when asked for and worth keeping. */
    record Outcome(NodeResult result, Cells cells) {}

    Outcome evaluate(int[] levels, Cells source, boolean keepCells) {
        evaluations++;
        int classes = group(levels, source);
        classify(classes, source);
        long limit = problem.maxSuppressed;
        long suppressedMonotone = 0;
        long suppressed = 0;
        for (int c = 0; c < classes; c++) {
            if (failsMonotone[c]) {
                suppressedMonotone += size[c];
            }
            if (fails[c]) {
                suppressed += size[c];
            }
        }
        boolean pass = suppressed <= limit;
        double loss =
                pass ? problem.loss.exact(levels, classes, size, first, source.rep, fails) : Double.POSITIVE_INFINITY;
        NodeResult result = new NodeResult(suppressedMonotone <= limit, pass, suppressed, classes, loss);
        // cells are at least as many as classes: skip building a snapshot the cache would drop
        boolean build = keepCells && SnapshotCache.worthKeeping(classes, source);
        return new Outcome(result, build ? cells(levels, source, classes) : null);
    }

    /** The node's snapshot, however large: the base every other node rolls up from. */
    Cells snapshot(int[] levels, Cells source) {
        return cells(levels, source, group(levels, source));
    }

    /**
     * Groups the source cells into the node's classes: {@code classOf[i]} for cell i, and per class
     * its record count and first cell. Returns the number of classes.
     */
    int group(int[] levels, Cells source) {
        int n = source.size;
        if (keys.length < n) {
            keys = new long[n];
            classOf = new int[n];
        }
        long space = 1;
        Arrays.fill(keys, 0, n, 0);
        for (int d = 0; d < levels.length; d++) {
            QuasiIdentifier qi = problem.qis[d];
            int width = qi.levelSize(levels[d]);
            if (space > Long.MAX_VALUE / width / 2) {
                // too many label combinations for one long: renumber the combinations seen so far
                space = dense.assign(keys, n, space, classOf);
                for (int i = 0; i < n; i++) {
                    keys[i] = classOf[i];
                }
            }
            int[] label = qi.generalized[levels[d]];
            int[] rep = source.rep[d];
            for (int i = 0; i < n; i++) {
                keys[i] = keys[i] * width + label[rep[i]];
            }
            space *= width;
        }
        int classes = dense.assign(keys, n, space, classOf);
        if (size.length < classes) {
            int capacity = Math.max(classes, size.length * 2);
            size = new int[capacity];
            first = new int[capacity];
            failsMonotone = new boolean[capacity];
            fails = new boolean[capacity];
        }
        Arrays.fill(size, 0, classes, 0);
        int[] count = source.count;
        for (int i = n - 1; i >= 0; i--) {
            int c = classOf[i];
            size[c] += count[i];
            first[c] = i;
        }
        return classes;
    }

    /** Class ids of the last {@link #group} call, indexed by source cell. */
    int[] classOf() {
        return classOf;
    }

    /** Record counts of the classes of the last {@link #group} call. */
    int[] sizes() {
        return size;
    }

    int[] firsts() {
        return first;
    }

    /** Which classes of the last grouping fail a model (and so are suppressed). */
    boolean[] failing() {
        return fails;
    }

    /** Marks the classes of the last grouping that fail k-anonymity or a sensitive model. */
    void classify(int classes, Cells source) {
        int k = problem.k;
        for (int c = 0; c < classes; c++) {
            boolean small = size[c] < k;
            failsMonotone[c] = small;
            fails[c] = small;
        }
        if (problem.models.length == 0) {
            return;
        }
        sortByClass(classes, source);
        for (int c = 0; c < classes; c++) {
            if (failsMonotone[c]) {
                continue; // suppressed anyway
            }
            for (ClassDistribution distribution : distributions) {
                distribution.clear();
            }
            for (int j = start[c]; j < start[c + 1]; j++) {
                int tuple = sortedTuple[j];
                for (int s = 0; s < distributions.length; s++) {
                    distributions[s].add(problem.tupleValues[s][tuple], sortedCount[j]);
                }
            }
            for (BoundModel bound : problem.models) {
                if (!bound.model().holds(distributions[bound.sensitive()])) {
                    fails[c] = true;
                    if (bound.monotone()) {
                        failsMonotone[c] = true;
                    }
                }
            }
        }
    }

    // Counting sort of the cells' tuples and counts by class, so that each class reads its cells
    // in one sequential run; cells of classes already failing k are left out.
    private void sortByClass(int classes, Cells source) {
        int n = source.size;
        if (start.length < classes + 1) {
            start = new int[Math.max(classes + 1, start.length * 2)];
        }
        if (sortedTuple.length < n) {
            sortedTuple = new int[n];
            sortedCount = new int[n];
        }
        Arrays.fill(start, 0, classes + 1, 0);
        for (int i = 0; i < n; i++) {
            int c = classOf[i];
            if (!failsMonotone[c]) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < classes; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, classes);
        int[] tuple = source.tuple;
        int[] count = source.count;
        for (int i = 0; i < n; i++) {
            int c = classOf[i];
            if (!failsMonotone[c]) {
                int j = next[c]++;
                sortedTuple[j] = tuple[i];
                sortedCount[j] = count[i];
            }
        }
    }

    // The node's own cells: one per class, or per (class, sensitive tuple) when models read them.
    private Cells cells(int[] levels, Cells source, int classes) {
        int dims = levels.length;
        int[][] rep = new int[dims][];
        if (source.tuple == null) {
            for (int d = 0; d < dims; d++) {
                rep[d] = new int[classes];
                for (int c = 0; c < classes; c++) {
                    rep[d][c] = source.rep[d][first[c]];
                }
            }
            return new Cells(levels.clone(), classes, rep, null, Arrays.copyOf(size, classes));
        }
        int n = source.size;
        int tuples = problem.tupleValues[0].length;
        long[] cellKeys = new long[n];
        for (int i = 0; i < n; i++) {
            cellKeys[i] = (long) classOf[i] * tuples + source.tuple[i];
        }
        int[] cellOf = new int[n];
        int cells = dense.assign(cellKeys, n, (long) classes * tuples, cellOf);
        int[] count = new int[cells];
        int[] tuple = new int[cells];
        int[] firstOfCell = new int[cells];
        Arrays.fill(firstOfCell, -1);
        for (int i = 0; i < n; i++) {
            int cell = cellOf[i];
            count[cell] += source.count[i];
            if (firstOfCell[cell] < 0) {
                firstOfCell[cell] = i;
                tuple[cell] = source.tuple[i];
            }
        }
        for (int d = 0; d < dims; d++) {
            rep[d] = new int[cells];
            for (int cell = 0; cell < cells; cell++) {
                rep[d][cell] = source.rep[d][firstOfCell[cell]];
            }
        }
        return new Cells(levels.clone(), cells, rep, tuple, count);
    }
}
