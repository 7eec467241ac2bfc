package jp.kenpo.privacy.anonymizer.search;

import jp.kenpo.privacy.anonymizer.measure.Metric;

/**
 * One metric of information loss over the lattice. Besides the exact loss of an evaluated node
 * it gives a lower bound for any node without touching the data; the bound grows with
 * generalization, so a node whose bound exceeds the best loss found prunes itself and every
 * coarser node.
 *
 * <p>Loss, precision and non-uniform entropy add up over records and columns, so the loss of a
 * node without suppression is a sum of per-column totals (exact, and the bound); suppression
 * only raises a record's cost to its suppressed cost. Discernibility and average class size are
 * bounded by the most classes the node's label combinations allow.
 */
final class LossFunction {

    private final Metric metric;
    private final int[][] sizes; // [qi][level] distinct labels
    private final double[][][] cost; // [qi][level][value code] loss of one record
    private final double[][] suppressedCost; // [qi][value code]
    private final double[][] columnTotal; // [qi][level] sum over the rows
    private final double normalizer;
    private final long rows;

    LossFunction(Metric metric, QuasiIdentifier[] qis, long rows) {
        this.metric = metric;
        this.rows = rows;
        this.sizes = new int[qis.length][];
        this.cost = new double[qis.length][][];
        this.suppressedCost = new double[qis.length][];
        this.columnTotal = new double[qis.length][];
        double norm = 0;
        for (int d = 0; d < qis.length; d++) {
            QuasiIdentifier qi = qis[d];
            sizes[d] = new int[qi.levels()];
            for (int level = 0; level < qi.levels(); level++) {
                sizes[d][level] = qi.levelSize(level);
            }
            if (additive()) {
                cost[d] = new double[qi.levels()][];
                suppressedCost[d] = new double[qi.valueCounts.length];
                columnTotal[d] = new double[qi.levels()];
                for (int level = 0; level < qi.levels(); level++) {
                    cost[d][level] = costs(qi, level);
                    for (int value = 0; value < qi.valueCounts.length; value++) {
                        columnTotal[d][level] += qi.valueCounts[value] * cost[d][level][value];
                    }
                }
                for (int value = 0; value < qi.valueCounts.length; value++) {
                    suppressedCost[d][value] =
                            metric == Metric.NON_UNIFORM_ENTROPY ? log2((double) rows / qi.valueCounts[value]) : 1;
                    norm += qi.valueCounts[value] * suppressedCost[d][value];
                }
            }
        }
        this.normalizer = metric == Metric.DISCERNIBILITY ? (double) rows * rows : norm;
    }

    private boolean additive() {
        return metric == Metric.LOSS || metric == Metric.PRECISION || metric == Metric.NON_UNIFORM_ENTROPY;
    }

    private double[] costs(QuasiIdentifier qi, int level) {
        int values = qi.valueCounts.length;
        int[] label = qi.generalized[level];
        double[] result = new double[values];
        switch (metric) {
            case LOSS -> {
                int[] share = new int[qi.levelSize(level)];
                for (int value = 0; value < values; value++) {
                    share[label[value]]++;
                }
                for (int value = 0; value < values; value++) {
                    result[value] = values == 1 ? 0 : (share[label[value]] - 1) / (double) (values - 1);
                }
            }
            case PRECISION -> {
                int height = qi.levels() - 1;
                java.util.Arrays.fill(result, height == 0 ? 0 : (double) level / height);
            }
            case NON_UNIFORM_ENTROPY -> {
                long[] labelCount = new long[qi.levelSize(level)];
                for (int value = 0; value < values; value++) {
                    labelCount[label[value]] += qi.valueCounts[value];
                }
                for (int value = 0; value < values; value++) {
                    result[value] = log2((double) labelCount[label[value]] / qi.valueCounts[value]);
                }
            }
            default -> throw new AssertionError(metric);
        }
        return result;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    Metric metric() {
        return metric;
    }

    /** A lower bound of the loss of the node, growing with every level. */
    double lowerBound(int[] levels) {
        if (additive()) {
            return normalize(generalizationTotal(levels));
        }
        double combinations = 1;
        for (int d = 0; d < levels.length; d++) {
            combinations *= sizes[d][levels[d]];
        }
        // at most min(rows, combinations) classes; Σ|E|² over c classes is at least rows²/c
        double classes = Math.min(rows, combinations);
        return metric == Metric.DISCERNIBILITY
                ? (double) rows * rows / classes / normalizer
                : rows / Math.min(rows, combinations + 1);
    }

    private double generalizationTotal(int[] levels) {
        double total = 0;
        for (int d = 0; d < levels.length; d++) {
            total += columnTotal[d][levels[d]];
        }
        return total;
    }

    private double normalize(double total) {
        return normalizer == 0 ? 0 : total / normalizer;
    }

    /**
     * The loss of a node from its classes: {@code size[c]} records each, {@code rep[d][first[c]]}
     * the value code of one record of class c, and {@code suppressed[c]} whether the class is
     * suppressed.
     */
    double exact(int[] levels, int classes, int[] size, int[] first, int[][] rep, boolean[] suppressed) {
        if (additive()) {
            double total = generalizationTotal(levels);
            for (int c = 0; c < classes; c++) {
                if (suppressed[c]) {
                    double extra = 0;
                    for (int d = 0; d < levels.length; d++) {
                        int value = rep[d][first[c]];
                        extra += suppressedCost[d][value] - cost[d][levels[d]][value];
                    }
                    total += size[c] * extra;
                }
            }
            return normalize(total);
        }
        long suppressedRecords = 0;
        long released = 0;
        double squares = 0;
        for (int c = 0; c < classes; c++) {
            if (suppressed[c]) {
                suppressedRecords += size[c];
            } else {
                released++;
                squares += (double) size[c] * size[c];
            }
        }
        if (metric == Metric.DISCERNIBILITY) {
            return (squares + (double) suppressedRecords * rows) / normalizer;
        }
        return (double) rows / (released + (suppressedRecords > 0 ? 1 : 0));
    }
}
