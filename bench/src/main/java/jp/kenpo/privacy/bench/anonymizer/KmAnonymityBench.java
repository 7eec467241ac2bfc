package jp.kenpo.privacy.bench.anonymizer;

import java.util.Map;
import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
import jp.kenpo.privacy.anonymizer.Anonymizer;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.setvalued.KmAnonymizer;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/**
 * (5,2)-anonymity on the set-valued diagnosis column of a synthetic member table (default
 * 1,000,000 persons, ICD-10 codes → three characters → block → chapter): the set-valued step
 * alone, and the whole anonymization with 5-anonymity on the quasi-identifiers as well.
 *
 * <p>{@code bench/run anonymizer.KmAnonymityBench [ROWS] [RUNS] [SEED]}
 */
public final class KmAnonymityBench {

    private KmAnonymityBench() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250401L;
        System.out.printf(
                "synthetic members with diagnoses: %,d rows, seed %d; %d timed runs after"
                        + " 1 warm-up; JVM %s, max heap %s, %d cores%n",
                rows,
                seed,
                runs,
                System.getProperty("java.version"),
                Timing.maxHeap(),
                Runtime.getRuntime().availableProcessors());
        SyntheticMembers members = new SyntheticMembers();
        Table table = members.generate(rows, seed, true);
        Map<String, Hierarchy> hierarchies = members.hierarchies(table);
        KmAnonymity model = new KmAnonymity("diagnoses", 5, 2);

        Timing.Figures<KmAnonymizer.Outcome> alone = Timing.measure(
                1, runs, () -> KmAnonymizer.anonymize(table, model, hierarchies.get("diagnoses"), row -> false));
        KmResult km = alone.last().result();
        System.out.printf(
                "(5,2)-anonymity alone: best %.0f ms, median %.0f ms%n", alone.bestMillis(), alone.medianMillis());
        print(km);

        AnonymizationRequest.Builder builder =
                AnonymizationRequest.builder(table).model(new KAnonymity(5)).model(model);
        hierarchies.forEach(builder::hierarchy);
        AnonymizationRequest request = builder.build();
        Timing.Figures<AnonymizationResult> whole = Timing.measure(1, runs, () -> Anonymizer.anonymize(request));
        System.out.printf(
                "%n5-anonymity + (5,2)-anonymity, whole anonymization: best %.0f ms, median %.0f ms"
                        + " (search %d ms, loss %.4f)%n",
                whole.bestMillis(),
                whole.medianMillis(),
                whole.last().search().elapsed().toMillis(),
                whole.last().search().loss());
        print(whole.last().setValued().get(0));
        System.out.printf(
                "%npeak heap (sum of the heap pools' peaks, an upper bound): %.0f MiB%n", Timing.peakHeapMegabytes());
    }

    private static void print(KmResult km) {
        System.out.printf(
                "  items at level %d of %d; %,d of %,d occurrences removed (%d items: %s);"
                        + " violating itemsets %,d before, %,d after; smallest support after %d%n",
                km.level(),
                km.levels() - 1,
                km.suppressedOccurrences(),
                km.occurrences(),
                km.suppressedItems().size(),
                km.suppressedItems(),
                km.violationsBefore(),
                km.violationsAfter(),
                km.smallestSupportAfter());
    }
}
