package jp.kenpo.privacy.anonymizer.measure;

import java.util.ArrayList;
import java.util.List;

/** Class sizes, re-identification risk and information loss of one table. */
public record Measures(ClassSizes classes, ProsecutorRisk risk, InformationLoss informationLoss) {

    private static final long[] BUCKETS = {1, 2, 3, 5, 10, 20, 50, 100, 1000};

    /**
     * Measures from the sizes of the released classes, the number of suppressed records and the
     * information loss; {@code threshold} is the risk above which a record counts as at risk.
     */
    public static Measures of(long[] releasedClassSizes, long suppressed, InformationLoss loss, double threshold) {
        long released = 0;
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        long aboveThreshold = 0;
        long uniques = 0;
        long[] bucketClasses = new long[BUCKETS.length];
        long[] bucketRecords = new long[BUCKETS.length];
        for (long size : releasedClassSizes) {
            released += size;
            smallest = Math.min(smallest, size);
            largest = Math.max(largest, size);
            if (1.0 / size > threshold) {
                aboveThreshold += size;
            }
            if (size == 1) {
                uniques++;
            }
            int bucket = BUCKETS.length - 1;
            while (BUCKETS[bucket] > size) {
                bucket--;
            }
            bucketClasses[bucket]++;
            bucketRecords[bucket] += size;
        }
        List<ClassSizes.SizeBucket> distribution = new ArrayList<>();
        for (int b = 0; b < BUCKETS.length; b++) {
            long to = b + 1 < BUCKETS.length ? BUCKETS[b + 1] - 1 : Long.MAX_VALUE;
            distribution.add(new ClassSizes.SizeBucket(BUCKETS[b], to, bucketClasses[b], bucketRecords[b]));
        }
        long classes = releasedClassSizes.length;
        ClassSizes sizes = new ClassSizes(
                released + suppressed,
                suppressed,
                classes,
                classes == 0 ? 0 : smallest,
                largest,
                classes == 0 ? 0 : (double) released / classes,
                distribution);
        ProsecutorRisk risk = new ProsecutorRisk(
                classes == 0 ? 0 : 1.0 / smallest,
                released == 0 ? 0 : (double) classes / released,
                threshold,
                aboveThreshold,
                released == 0 ? 0 : (double) aboveThreshold / released,
                uniques,
                released == 0 ? 0 : (double) uniques / released);
        return new Measures(sizes, risk, loss);
    }
}
