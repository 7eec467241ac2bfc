package jp.kenpo.privacy.anonymizer.search;

import java.util.function.LongConsumer;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * The generalization lattice: one node per combination of levels, one level per
 * quasi-identifier between its minimum and maximum. Nodes are numbered in mixed radix so that
 * the search can keep per-node state in flat arrays.
 */
final class Lattice {

    private final int[] min;
    private final int[] max;
    private final long[] stride;
    private final long size;

    Lattice(int[] min, int[] max) {
        this.min = min.clone();
        this.max = max.clone();
        this.stride = new long[min.length];
        long n = 1;
        for (int d = min.length - 1; d >= 0; d--) {
            stride[d] = n;
            int height = max[d] - min[d] + 1;
            if (n > Long.MAX_VALUE / height) {
                // a saturated count would give distinct nodes the same id, and the search would confuse them
                throw new AnonymizationException("the generalization lattice of these " + min.length
                        + " quasi-identifiers has more than " + Long.MAX_VALUE + " nodes, too many to number;"
                        + " use fewer quasi-identifiers or narrow their generalization levels");
            }
            n *= height;
        }
        this.size = n;
    }

    int dimensions() {
        return min.length;
    }

    /** Number of nodes. */
    long size() {
        return size;
    }

    int min(int d) {
        return min[d];
    }

    int max(int d) {
        return max[d];
    }

    long bottom() {
        return 0;
    }

    long top() {
        return size - 1;
    }

    long id(int[] levels) {
        long id = 0;
        for (int d = 0; d < levels.length; d++) {
            id += (levels[d] - min[d]) * stride[d];
        }
        return id;
    }

    int[] levels(long id) {
        int[] levels = new int[min.length];
        for (int d = 0; d < levels.length; d++) {
            int height = max[d] - min[d] + 1;
            levels[d] = min[d] + (int) ((id / stride[d]) % height);
        }
        return levels;
    }

    int level(long id, int d) {
        return min[d] + (int) ((id / stride[d]) % (max[d] - min[d] + 1));
    }

    /** The node one level coarser in dimension d, or -1 at the maximum. */
    long successor(long id, int d) {
        return level(id, d) < max[d] ? id + stride[d] : -1;
    }

    /** The node one level finer in dimension d, or -1 at the minimum. */
    long predecessor(long id, int d) {
        return level(id, d) > min[d] ? id - stride[d] : -1;
    }

    /** Calls back every node at least as coarse as the given one in every dimension. */
    void forEachAbove(long id, LongConsumer action) {
        walk(levels(id), max, 0, 0, action);
    }

    /** Calls back every node at most as coarse as the given one in every dimension. */
    void forEachBelow(long id, LongConsumer action) {
        walk(min, levels(id), 0, 0, action);
    }

    private void walk(int[] from, int[] to, int d, long base, LongConsumer action) {
        if (d == min.length) {
            action.accept(base);
            return;
        }
        for (int level = from[d]; level <= to[d]; level++) {
            walk(from, to, d + 1, base + (level - min[d]) * stride[d], action);
        }
    }

    static boolean covers(int[] coarse, int[] fine) {
        for (int d = 0; d < coarse.length; d++) {
            if (coarse[d] < fine[d]) {
                return false;
            }
        }
        return true;
    }
}
