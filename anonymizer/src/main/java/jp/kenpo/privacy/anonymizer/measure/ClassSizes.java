package jp.kenpo.privacy.anonymizer.measure;

import java.util.List;

/**
 * The equivalence classes of a table: records sharing every quasi-identifier value. Suppressed
 * records are counted apart: with every quasi-identifier {@code *} they match everyone.
 */
public record ClassSizes(
        long records,
        long suppressed,
        long classes,
        long smallest,
        long largest,
        double average,
        List<SizeBucket> distribution) {

    public ClassSizes {
        distribution = List.copyOf(distribution);
    }

    /** Classes whose size lies in [from, to] (to = {@link Long#MAX_VALUE} for open-ended). */
    public record SizeBucket(long from, long to, long classes, long records) {

        public String label() {
            return to == Long.MAX_VALUE ? from + "+" : from == to ? Long.toString(from) : from + "-" + to;
        }
    }
}
