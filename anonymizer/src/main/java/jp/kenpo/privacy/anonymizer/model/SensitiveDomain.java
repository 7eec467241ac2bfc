package jp.kenpo.privacy.anonymizer.model;

import java.util.Arrays;

/**
 * The values of one sensitive column as a whole: their share in the entire table (what
 * t-closeness compares each class with) and, when the column has a hierarchy, its tree for the
 * hierarchical ground distance (with a root added when the values reach several top labels).
 * Values are codes 0..size-1.
 */
public final class SensitiveDomain {

    private final double[] share;
    private final int[][] parent; // [level][code at level-1] -> code at level, level 1..height
    private final int[] levelSizes;

    private SensitiveDomain(double[] share, int[][] parent, int[] levelSizes) {
        this.share = share;
        this.parent = parent;
        this.levelSizes = levelSizes;
    }

    /** A domain from the count of each value in the whole table, without a hierarchy. */
    public static SensitiveDomain of(long[] counts) {
        return new SensitiveDomain(shares(counts), null, null);
    }

    /**
     * A domain with a hierarchy: {@code generalized[level][code]} is the code of a value's ancestor
     * at that level (level 0 the value itself); every level must be a function of the one below.
     * When the values reach more than one top label, a root is added above them.
     */
    public static SensitiveDomain of(long[] counts, int[][] generalized) {
        int[][] tree = rooted(generalized);
        int height = tree.length - 1;
        int[][] parent = new int[height + 1][];
        int[] sizes = new int[height + 1];
        sizes[0] = counts.length;
        for (int level = 1; level <= height; level++) {
            sizes[level] = max(tree[level]) + 1;
            parent[level] = new int[sizes[level - 1]];
            for (int code = 0; code < counts.length; code++) {
                parent[level][tree[level - 1][code]] = tree[level][code];
            }
        }
        return new SensitiveDomain(shares(counts), parent, sizes);
    }

    // Values under different top labels have no common ancestor; without one, mass between the
    // tops would move for free. Under an added root they are as far apart as any two values.
    private static int[][] rooted(int[][] generalized) {
        int[] top = generalized[generalized.length - 1];
        if (max(top) == 0) {
            return generalized;
        }
        int[][] tree = Arrays.copyOf(generalized, generalized.length + 1);
        tree[generalized.length] = new int[top.length];
        return tree;
    }

    private static double[] shares(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] share = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            share[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return share;
    }

    private static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    public int size() {
        return share.length;
    }

    /** Share of a value in the whole table. */
    public double share(int code) {
        return share[code];
    }

    public boolean hasHierarchy() {
        return parent != null;
    }

    int height() {
        return parent.length - 1;
    }

    int levelSize(int level) {
        return levelSizes[level];
    }

    int parent(int level, int code) {
        return parent[level][code];
    }
}
