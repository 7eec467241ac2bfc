package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.math.BigDecimal;
import java.util.function.LongPredicate;

/**
 * Top-coding (Rule 34(4)): a value above the spec's percentile of its column is shown as
 * {@code >P}, P being that percentile, so that an outlying bill or test result cannot point to
 * the one person who has it.
 */
final class TopCode {

    private final DoubleArrayList values = new DoubleArrayList();
    /** The member of each value, when the values are read before the search says who is released. */
    private final LongArrayList members = new LongArrayList();

    private double limit = Double.POSITIVE_INFINITY;
    private String label;
    private long coded;

    void add(double value) {
        values.add(value);
    }

    /** Adds a value of a member not yet known to be released (see {@link #fix(double, LongPredicate)}). */
    void add(long memberId, double value) {
        if (members.size() != values.size()) {
            throw new IllegalStateException("values with and without their member in one column");
        }
        members.add(memberId);
        values.add(value);
    }

    /** Fixes the limit at the percentile (nearest rank) of the values added. */
    void fix(double percentile) {
        fix(percentile, member -> true);
    }

    /** Fixes the limit at the percentile (nearest rank) of the values of the members {@code released}. */
    void fix(double percentile, LongPredicate released) {
        if (!members.isEmpty()) {
            DoubleArrayList kept = new DoubleArrayList(values.size());
            for (int i = 0; i < values.size(); i++) {
                if (released.test(members.getLong(i))) {
                    kept.add(values.getDouble(i));
                }
            }
            members.clear();
            members.trim();
            values.clear();
            values.addAll(kept);
        }
        if (values.isEmpty() || percentile >= 100) {
            return;
        }
        double[] sorted = values.toDoubleArray();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        limit = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        label = ">" + plain(BigDecimal.valueOf(limit));
        values.clear();
        values.trim();
    }

    /** A whole number as its digits ({@code ""} for none), as released. */
    String apply(String whole) {
        if (whole == null || whole.isEmpty()) {
            return "";
        }
        if (Integer.parseInt(whole) > limit) {
            coded++;
            return label;
        }
        return whole;
    }

    /**
     * Top-codes the row's cell, a whole number written as its digits, in place: only a value above
     * the limit is rewritten, the others keep the bytes they were filed with (a year's 30 M points
     * made text, compared and encoded again cost the writers seconds).
     */
    void applyWhole(CsvTable.Row row, int cell) {
        long value = row.digits(cell);
        if (value >= 0) {
            if (value > limit) {
                coded++;
                row.set(cell, label);
            }
            return;
        }
        String whole = row.get(cell);
        String shown = apply(whole);
        if (!shown.equals(whole == null ? "" : whole)) {
            row.set(cell, shown);
        }
    }

    /**
     * Top-codes the row's cell, a number as {@link #plain} wrote it, in place: a value at or below
     * the limit is written as it was filed ({@code plain} of its own text gives the same text).
     */
    void applyDecimal(CsvTable.Row row, int cell) {
        String value = row.get(cell);
        if (value == null || value.isEmpty()) {
            return;
        }
        if (new BigDecimal(value).doubleValue() > limit) {
            coded++;
            row.set(cell, label);
        }
    }

    long coded() {
        return coded;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
