package jp.kenpo.privacy.bench.anonymizer;

import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
import jp.kenpo.privacy.anonymizer.Anonymizer;

/** The table the relational benchmarks print: one timed anonymization per row. */
final class ResultTable {

    private ResultTable() {}

    static void header() {
        System.out.printf(
                "%-28s %6s %10s %10s %10s %8s %8s %11s %9s%n",
                "models", "supp.", "best ms", "median ms", "search ms", "nodes", "of", "suppressed", "loss");
    }

    /** Times the whole anonymization after warm-ups and prints a row; the optimum must be proven. */
    static void row(String label, int warmups, int runs, AnonymizationRequest request) {
        Timing.Figures<AnonymizationResult> figures =
                Timing.measure(warmups, runs, () -> Anonymizer.anonymize(request));
        AnonymizationResult result = figures.last();
        System.out.printf(
                "%-28s %5.0f%% %10.1f %10.1f %10d %8d %8d %11d %9.4f%n",
                label,
                request.suppressionLimit() * 100,
                figures.bestMillis(),
                figures.medianMillis(),
                result.search().elapsed().toMillis(),
                result.search().nodesEvaluated(),
                result.search().latticeSize(),
                result.search().suppressed(),
                result.search().loss());
        if (!result.search().optimal()) {
            throw new IllegalStateException(label + ": the optimum was not proven");
        }
    }
}
