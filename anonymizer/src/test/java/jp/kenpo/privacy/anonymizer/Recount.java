package jp.kenpo.privacy.anonymizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import jp.kenpo.privacy.anonymizer.measure.ClassSizes;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.measure.Metric;

/**
 * Holds what a result reports, for the input and the output alike, to a recount by the
 * {@link Reference}: class sizes, suppression, risk, and the loss under every metric (not only
 * the one the search minimized).
 */
final class Recount {

    private Recount() {}

    static void assertReportedMeasures(Reference reference, AnonymizationRequest request, AnonymizationResult result) {
        List<Integer> chosen = result.search().levels();
        List<Integer> original = Collections.nCopies(chosen.size(), 0);
        Reference.Grouping input = reference.group(original, false);
        Reference.Grouping output = reference.group(chosen, true);
        assertMeasures("input", result.before(), input, request.riskThreshold());
        assertMeasures("output", result.after(), output, request.riskThreshold());
        for (Metric metric : Metric.values()) {
            assertThat(result.before().informationLoss().of(metric))
                    .as("input %s", metric)
                    .isCloseTo(reference.loss(metric, original, input), within(1e-9));
            assertThat(result.after().informationLoss().of(metric))
                    .as("output %s", metric)
                    .isCloseTo(reference.loss(metric, chosen, output), within(1e-9));
        }
    }

    private static void assertMeasures(String what, Measures measures, Reference.Grouping grouping, double threshold) {
        List<Long> sizes = grouping.released().stream()
                .map(members -> (long) members.size())
                .toList();
        long suppressed = grouping.suppressed().size();
        long released = sizes.stream().mapToLong(Long::longValue).sum();
        ClassSizes classes = measures.classes();
        assertThat(classes.suppressed()).as("%s suppressed", what).isEqualTo(suppressed);
        assertThat(classes.classes()).as("%s classes", what).isEqualTo(sizes.size());
        assertThat(classes.records()).as("%s records", what).isEqualTo(released + suppressed);
        for (ClassSizes.SizeBucket bucket : classes.distribution()) {
            List<Long> inside = sizes.stream()
                    .filter(size -> size >= bucket.from() && size <= bucket.to())
                    .toList();
            assertThat(bucket.classes())
                    .as("%s classes of %s", what, bucket.label())
                    .isEqualTo(inside.size());
            assertThat(bucket.records())
                    .as("%s records in classes of %s", what, bucket.label())
                    .isEqualTo(inside.stream().mapToLong(Long::longValue).sum());
        }
        if (sizes.isEmpty()) {
            assertThat(classes.smallest()).isZero();
            assertThat(measures.risk().highest()).isZero();
            assertThat(measures.risk().recordsAboveThreshold()).isZero();
            return;
        }
        long smallest = sizes.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(classes.smallest()).as("%s smallest", what).isEqualTo(smallest);
        assertThat(classes.largest())
                .as("%s largest", what)
                .isEqualTo(sizes.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(classes.average()).as("%s average", what).isCloseTo((double) released / sizes.size(), within(1e-9));
        assertThat(measures.risk().highest()).as("%s highest risk", what).isCloseTo(1.0 / smallest, within(1e-12));
        double risk = 0;
        long above = 0;
        long uniques = 0;
        for (long size : sizes) {
            risk += size * (1.0 / size);
            if (1.0 / size > threshold) {
                above += size;
            }
            if (size == 1) {
                uniques++;
            }
        }
        assertThat(measures.risk().average()).as("%s average risk", what).isCloseTo(risk / released, within(1e-12));
        assertThat(measures.risk().recordsAboveThreshold())
                .as("%s above threshold", what)
                .isEqualTo(above);
        assertThat(measures.risk().shareAboveThreshold())
                .as("%s share above", what)
                .isCloseTo((double) above / released, within(1e-12));
        assertThat(measures.risk().sampleUniques())
                .as("%s sample uniques", what)
                .isEqualTo(uniques);
        assertThat(measures.risk().sampleUniqueShare())
                .as("%s sample unique share", what)
                .isCloseTo((double) uniques / released, within(1e-12));
    }
}
