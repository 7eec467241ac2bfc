package jp.kenpo.privacy.bench.anonymizer;

import java.util.Map;
import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.model.DistinctLDiversity;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;

/**
 * Time to the optimal result on a synthetic member table (default 1,000,000 rows): sex, birth,
 * enrollment and withdrawal year-month, insured/dependent and prefecture as quasi-identifiers;
 * k = 2, 5, 10 and 5-anonymity with distinct 3-diversity on the main diagnosis chapter; then the
 * peak heap. Run with {@code BENCH_JAVA_OPTS=-Xmx2g} to hold it to the 2 GB target.
 *
 * <p>{@code bench/run anonymizer.MemberTableBench [ROWS] [RUNS] [SEED]}
 */
public final class MemberTableBench {

    private MemberTableBench() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250401L;
        System.out.printf(
                "synthetic members: %,d rows, seed %d; %d timed runs after 1 warm-up;"
                        + " JVM %s, max heap %s, %d cores%n",
                rows,
                seed,
                runs,
                System.getProperty("java.version"),
                Timing.maxHeap(),
                Runtime.getRuntime().availableProcessors());
        SyntheticMembers members = new SyntheticMembers();
        long start = System.nanoTime();
        Table table = members.generate(rows, seed, false);
        Map<String, Hierarchy> hierarchies = members.hierarchies(table);
        System.out.printf(
                "generate table and hierarchies (not timed below): %.1f s%n%n", (System.nanoTime() - start) / 1e9);
        ResultTable.header();
        for (double suppression : new double[] {0, 0.05}) {
            for (int k : new int[] {2, 5, 10}) {
                ResultTable.row(k + "-anonymity", 1, runs, request(table, hierarchies, k, suppression, false));
            }
            ResultTable.row("5-anon. + distinct 3-div.", 1, runs, request(table, hierarchies, 5, suppression, true));
        }
        System.out.printf(
                "%npeak heap (sum of the heap pools' peaks, an upper bound): %.0f MiB%n", Timing.peakHeapMegabytes());
    }

    static AnonymizationRequest request(
            Table table, Map<String, Hierarchy> hierarchies, int k, double suppression, boolean diverse) {
        AnonymizationRequest.Builder builder =
                AnonymizationRequest.builder(table).model(new KAnonymity(k)).suppressionLimit(suppression);
        if (diverse) {
            builder.model(new DistinctLDiversity("main-chapter", 3));
        }
        hierarchies.forEach(builder::hierarchy);
        return builder.build();
    }
}
