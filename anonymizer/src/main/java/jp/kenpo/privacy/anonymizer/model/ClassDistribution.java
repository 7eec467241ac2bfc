package jp.kenpo.privacy.anonymizer.model;

import java.util.Arrays;

/**
 * The sensitive values of one equivalence class, counted. The engine fills one instance per
 * sensitive column and reuses it for class after class, so it is mutable and not thread-safe;
 * a model only reads it.
 */
public final class ClassDistribution {

    private final SensitiveDomain domain;
    private final int[] slot; // value code -> index into values/counts, -1 when absent
    private final int[] values;
    private final int[] counts;
    private final int[] sorted;
    private int distinct;
    private int size;
    private double[][] extra; // per level, for the hierarchical distance
    private double[][] positive;
    private double[][] negative;

    public ClassDistribution(SensitiveDomain domain) {
        this.domain = domain;
        this.slot = new int[domain.size()];
        Arrays.fill(slot, -1);
        this.values = new int[domain.size()];
        this.counts = new int[domain.size()];
        this.sorted = new int[domain.size()];
    }

    /** Empties the distribution for the next class, in time proportional to what it held. */
    public void clear() {
        for (int i = 0; i < distinct; i++) {
            slot[values[i]] = -1;
        }
        distinct = 0;
        size = 0;
    }

    public void add(int value, int count) {
        int i = slot[value];
        if (i < 0) {
            i = distinct++;
            slot[value] = i;
            values[i] = value;
            counts[i] = 0;
        }
        counts[i] += count;
        size += count;
    }

    /** Records in the class. */
    public int size() {
        return size;
    }

    /** Number of different sensitive values in the class. */
    public int distinct() {
        return distinct;
    }

    /** Code of the i-th distinct value (in no particular order). */
    public int value(int i) {
        return values[i];
    }

    public int count(int i) {
        return counts[i];
    }

    /** The counts in ascending order; the array is reused by the next call. */
    int[] sortedCounts() {
        System.arraycopy(counts, 0, sorted, 0, distinct);
        Arrays.sort(sorted, 0, distinct);
        return sorted;
    }

    /**
     * Earth Mover's Distance to the whole table when every two values are 1 apart: half the sum
     * of the absolute differences of the shares. Values absent from the class contribute their
     * table share, so only the present ones are visited.
     */
    public double equalDistance() {
        double sum = 1;
        for (int i = 0; i < distinct; i++) {
            double q = domain.share(values[i]);
            sum += Math.abs((double) counts[i] / size - q) - q;
        }
        return Math.max(0, sum / 2);
    }

    /**
     * Earth Mover's Distance to the whole table with the hierarchical ground distance (Li, Li and
     * Venkatasubramanian 2007): mass moves up the tree only as far as it must, and moving it
     * through a node of level h costs h / height, the height counting the root the domain adds
     * above several top labels.
     */
    public double hierarchicalDistance() {
        if (!domain.hasHierarchy()) {
            throw new IllegalStateException("the sensitive column has no hierarchy");
        }
        int height = domain.height();
        if (extra == null) {
            extra = new double[height + 1][];
            positive = new double[height + 1][];
            negative = new double[height + 1][];
            for (int level = 0; level <= height; level++) {
                extra[level] = new double[domain.levelSize(level)];
                positive[level] = new double[domain.levelSize(level)];
                negative[level] = new double[domain.levelSize(level)];
            }
        }
        double[] leaves = extra[0];
        for (int code = 0; code < leaves.length; code++) {
            leaves[code] = -domain.share(code);
        }
        for (int i = 0; i < distinct; i++) {
            leaves[values[i]] += (double) counts[i] / size;
        }
        double cost = 0;
        for (int level = 1; level <= height; level++) {
            double[] below = extra[level - 1];
            double[] here = extra[level];
            double[] pos = positive[level];
            double[] neg = negative[level];
            Arrays.fill(pos, 0);
            Arrays.fill(neg, 0);
            for (int code = 0; code < below.length; code++) {
                int parent = domain.parent(level, code);
                if (below[code] > 0) {
                    pos[parent] += below[code];
                } else {
                    neg[parent] -= below[code];
                }
            }
            for (int code = 0; code < here.length; code++) {
                cost += (double) level / height * Math.min(pos[code], neg[code]);
                here[code] = pos[code] - neg[code];
            }
        }
        return cost;
    }

    static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
