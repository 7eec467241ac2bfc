package jp.kenpo.privacy.bench.consent;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.LedgerVerification;
import jp.kenpo.privacy.consent.LedgerVerifier;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable consent events per second on PostgreSQL through the service layer (issue 2 target:
 * at least 2,000): several clerks' threads each recording one event per transaction, each
 * committed (synchronous_commit as the server has it) and hash-chained to the member's previous one.
 *
 * <p>Run: {@code bench/run consent.LedgerThroughput [threads] [seconds] [members] [warm-up seconds]}. The
 * warm-up (default 20 s) lets the JIT compilers finish: on 2 cores they otherwise take a core from
 * the database during the measurement.
 */
public final class LedgerThroughput {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        try (var db = new BenchDatabase("ledger");
                ConfigurableApplicationContext app = BenchApp.start(db, threads + 2)) {
            List<MemberKey> keys =
                    BenchApp.register(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class), members);
            ConsentLedger ledger = app.getBean(ConsentLedger.class);
            System.out.printf(
                    "%d synthetic members registered; %d threads recording for %d s (after %d s warm-up)%n",
                    members, threads, seconds, warmUp);
            run(ledger, keys, threads, warmUp, new long[1]);
            long[] latencies = new long[4_000_000];
            long[] count = new long[1];
            long started = System.nanoTime();
            run(ledger, keys, threads, seconds, count, latencies);
            double elapsed = (System.nanoTime() - started) / 1e9;
            int n = (int) Math.min(count[0], latencies.length);
            Arrays.sort(latencies, 0, n);
            System.out.printf(
                    "durable consent events: %d in %.1f s = %.0f events/s; latency p50 %.2f ms, p99 %.2f ms%n",
                    count[0], elapsed, count[0] / elapsed, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
            LedgerVerification v = app.getBean(LedgerVerifier.class).verify();
            System.out.printf(
                    "ledger verify: %s, %d events in %d chains%n",
                    v.intact() ? "intact" : "BROKEN", v.eventsChecked(), v.chainsChecked());
        }
    }

    private static void run(
            ConsentLedger ledger, List<MemberKey> keys, int threads, int seconds, long[] count, long... latencies)
            throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        var stop = new AtomicBoolean();
        var done = new CountDownLatch(threads);
        var totals = new long[threads];
        var perThread = new long[threads][];
        for (int t = 0; t < threads; t++) {
            int me = t;
            perThread[t] = new long[latencies.length == 0 ? 0 : latencies.length / threads];
            pool.execute(() -> BenchApp.as("bench-clerk-" + me, Role.CLERK, () -> {
                var random = new SplittableRandom(me);
                try {
                    while (!stop.get()) {
                        MemberKey m = keys.get(random.nextInt(keys.size()));
                        long t0 = System.nanoTime();
                        ledger.record(
                                new ConsentRequest(
                                        m,
                                        random.nextBoolean() ? ConsentAction.RESERVE : ConsentAction.LIFT,
                                        ConsentTarget.purpose(new PurposeCode(3, 1 + random.nextInt(9))),
                                        LocalDate.of(2026, 1, 10),
                                        Channel.PAPER,
                                        Filer.SELF,
                                        Optional.empty()),
                                "bench-clerk-" + me);
                        if (totals[me] < perThread[me].length) {
                            perThread[me][(int) totals[me]] = System.nanoTime() - t0;
                        }
                        totals[me]++;
                    }
                } finally {
                    done.countDown();
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await(60, TimeUnit.SECONDS);
        pool.shutdown();
        int at = 0;
        for (int t = 0; t < threads; t++) {
            count[0] += totals[t];
            int n = (int) Math.min(totals[t], perThread[t].length);
            if (latencies.length > 0) {
                System.arraycopy(perThread[t], 0, latencies, at, n);
            }
            at += n;
        }
    }
}
