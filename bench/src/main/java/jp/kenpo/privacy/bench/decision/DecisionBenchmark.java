package jp.kenpo.privacy.bench.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.decision.BatchDecision;
import jp.kenpo.privacy.decision.Decision;
import jp.kenpo.privacy.decision.DecisionIndex;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision engine in process. Targets (issue 2): a batch decision for one purpose over
 * 1,000,000 members under 50 ms; one decision under 2 µs.
 * Run: {@code bench/run jmh DecisionBenchmark}
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

    private static final PurposeCode PURPOSE = PurposeCode.parse("3.8");
    private static final Instant AT =
            SocietyTime.startOf(LocalDate.of(2026, 6, 1)).plusSeconds(36_000);

    @Param("1000000")
    int members;

    /** Share of members with consent events (reservations and what followed them). */
    @Param("0.03")
    double reserving;

    private DecisionIndex index;
    private MemberKey[] keys;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        index = SyntheticDecisionData.index(members, reserving, 20261125L);
        keys = new MemberKey[4096];
        var random = new java.util.SplittableRandom(7);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SyntheticDecisionData.key(1 + random.nextInt(members));
        }
        BatchDecision b = index.decideAll(PURPOSE, AT, Instant.MAX);
        System.out.printf(
                "%nsynthetic population: %d members, %d denied for %s (%s)%n",
                b.population(), b.deniedCount(), PURPOSE, b.deniedByReason());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BatchDecision batchEveryone() {
        return index.decideAll(PURPOSE, AT, Instant.MAX);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Decision single() {
        // the key string is built per call, as DecisionService does for every request
        MemberKey key = keys[next++ & (keys.length - 1)];
        return index.decide(key.toString(), PURPOSE, AT, Instant.MAX);
    }
}
