package jp.kenpo.privacy.bench.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.LedgerEvents;
import jp.kenpo.privacy.decision.DecisionService;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the audit trail costs a decision on PostgreSQL (issue 3: a batch decision with its audit
 * entry within 2x of one without). The same DecisionService twice over one database: as the
 * application wires it (one audit entry per decision, per batch), and with an audit trail that
 * writes nothing. Measured alternately, so that both see the same machine load.
 *
 * <p>The population is that of the decision benchmark: every member eligible, 3 % with 1 to 3 consent
 * events on category 3 or its purposes, recorded through the ledger.
 *
 * <p>Run: {@code bench/run audit.AuditOverhead [members] [batch rounds] [single decisions] [threads] [share with events]}
 */
public final class AuditOverhead {

    private static final PurposeCode PURPOSE = PurposeCode.parse("3.8");
    private static final Instant AT =
            SocietyTime.startOf(LocalDate.of(2026, 6, 1)).plusSeconds(36_000);

    /** Writes nothing: the baseline. */
    private static final AuditTrail NONE = new AuditTrail() {
        @Override
        public void record(AuditEvent event) {}

        @Override
        public void recordRefusal(AuditEvent event) {}

        @Override
        public void recordCommitted(AuditEvent event) {}
    };

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int singles = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        double share = args.length > 4 ? Double.parseDouble(args[4]) : 0.03;
        try (var db = new BenchDatabase("audit");
                ConfigurableApplicationContext app = BenchApp.start(db, threads + 2)) {
            long t0 = System.nanoTime();
            List<MemberKey> keys = BenchApp.register(app.getBean(JdbcTemplate.class), members);
            System.out.printf("%d synthetic members inserted in %.0f s%n", members, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            int events = BenchApp.as(
                    "bench-clerk", Role.CLERK, () -> reservations(app.getBean(ConsentLedger.class), keys, share));
            System.out.printf("%d consent events recorded in %.0f s%n", events, (System.nanoTime() - t0) / 1e9);
            DecisionService audited = app.getBean(DecisionService.class);
            DecisionService plain = new DecisionService(
                    app.getBean(CatalogService.class),
                    app.getBean(MemberRegistry.class),
                    app.getBean(LedgerEvents.class),
                    app.getBean(Clock.class),
                    NONE);
            BenchApp.as("bench-system", Role.SYSTEM, () -> {
                audited.catchUp();
                plain.catchUp();
                batch(audited, plain, rounds);
                single(audited, plain, keys, singles);
                entryAlone(app.getBean(AuditTrail.class), singles);
                return null;
            });
            concurrent(audited, "with audit", keys, threads, 10);
            concurrent(plain, "without audit", keys, threads, 10);
            entriesConcurrently(app.getBean(AuditTrail.class), threads, 10);
        }
    }

    /** A share of the members reserve, and some then consent, withdraw or lift (as the decision benchmark's data). */
    private static int reservations(ConsentLedger ledger, List<MemberKey> keys, double share) {
        var random = new SplittableRandom(20261125L);
        var requests = new java.util.ArrayList<ConsentRequest>();
        int recorded = 0;
        for (MemberKey key : keys) {
            if (random.nextDouble() >= share) {
                continue;
            }
            int n = 1 + random.nextInt(3);
            for (int e = 1; e <= n; e++) {
                ConsentAction action = e == 1 ? ConsentAction.RESERVE : ConsentAction.values()[random.nextInt(4)];
                ConsentTarget target = random.nextInt(3) == 0
                        ? ConsentTarget.category(3)
                        : ConsentTarget.purpose(new PurposeCode(3, 1 + random.nextInt(9)));
                requests.add(new ConsentRequest(
                        key,
                        action,
                        target,
                        LocalDate.of(2025, 4, 1).plusDays(random.nextInt(500)),
                        Channel.PAPER,
                        Filer.SELF,
                        Optional.empty()));
            }
            if (requests.size() >= 5000) {
                recorded += ledger.recordAll(requests, "bench-clerk").size();
                requests.clear();
            }
        }
        return recorded
                + (requests.isEmpty()
                        ? 0
                        : ledger.recordAll(requests, "bench-clerk").size());
    }

    /** The audit entry on its own: one transaction writing one entry, as a single decision's. */
    private static void entryAlone(AuditTrail trail, int n) {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            trail.record(AuditEvent.of(jp.kenpo.privacy.audit.AuditAction.DECISION, "bench: the entry alone"));
            times[i] = System.nanoTime() - t;
        }
        System.out.printf(
                "one audit entry in a transaction of its own: median %.3f ms p99 %.3f ms%n",
                median(times) / 1e6, percentile(times, 0.99) / 1e6);
    }

    private static void batch(DecisionService audited, DecisionService plain, int rounds) {
        for (int i = 0; i < 5; i++) {
            audited.decideBatch(PURPOSE, AT, Optional.empty(), Optional.empty());
            plain.decideBatch(PURPOSE, AT, Optional.empty(), Optional.empty());
        }
        long[] with = new long[rounds];
        long[] without = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            // which goes first alternates, so that neither always meets the other's garbage
            if (r % 2 == 0) {
                with[r] = timeBatch(audited);
                without[r] = timeBatch(plain);
            } else {
                without[r] = timeBatch(plain);
                with[r] = timeBatch(audited);
            }
        }
        var sample = plain.decideBatch(PURPOSE, AT, Optional.empty(), Optional.empty());
        System.out.printf(
                "population %d, denied %d (%s)%n", sample.population(), sample.deniedCount(), sample.deniedByReason());
        System.out.printf(
                "batch decision, every member (%d rounds): with audit median %.1f ms (mean %.1f), "
                        + "without median %.1f ms (mean %.1f): ratio of medians %.2f%n",
                rounds,
                median(with) / 1e6,
                mean(with) / 1e6,
                median(without) / 1e6,
                mean(without) / 1e6,
                (double) median(with) / median(without));
    }

    private static long timeBatch(DecisionService decisions) {
        long t = System.nanoTime();
        decisions.decideBatch(PURPOSE, AT, Optional.empty(), Optional.empty());
        return System.nanoTime() - t;
    }

    private static void single(DecisionService audited, DecisionService plain, List<MemberKey> keys, int n) {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            audited.decide(keys.get(random.nextInt(keys.size())), PURPOSE, AT);
            plain.decide(keys.get(random.nextInt(keys.size())), PURPOSE, AT);
        }
        long[] with = new long[n];
        long[] without = new long[n];
        for (int i = 0; i < n; i++) {
            MemberKey k = keys.get(random.nextInt(keys.size()));
            long t = System.nanoTime();
            audited.decide(k, PURPOSE, AT);
            with[i] = System.nanoTime() - t;
            t = System.nanoTime();
            plain.decide(k, PURPOSE, AT);
            without[i] = System.nanoTime() - t;
        }
        System.out.printf(
                "single decision, one thread (%d each): with audit median %.3f ms p99 %.3f ms, "
                        + "without median %.3f ms p99 %.3f ms: audit adds %.3f ms at the median%n",
                n,
                median(with) / 1e6,
                percentile(with, 0.99) / 1e6,
                median(without) / 1e6,
                percentile(without, 0.99) / 1e6,
                (median(with) - median(without)) / 1e6);
    }

    /** Audit entries alone, each in a transaction of its own, from several threads: what the chains can take. */
    private static void entriesConcurrently(AuditTrail trail, int threads, int seconds) throws InterruptedException {
        var stop = new AtomicBoolean();
        var count = new AtomicLong();
        var done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            new Thread(() -> BenchApp.as("bench-writer-" + me, Role.SYSTEM, () -> {
                        while (!stop.get()) {
                            trail.record(AuditEvent.of(
                                    jp.kenpo.privacy.audit.AuditAction.DECISION, "bench: the entry alone"));
                            count.incrementAndGet();
                        }
                        done.countDown();
                        return null;
                    }))
                    .start();
        }
        Thread.sleep(2000);
        long start = count.get();
        long t = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long n = count.get() - start;
        double elapsed = (System.nanoTime() - t) / 1e9;
        stop.set(true);
        done.await();
        System.out.printf(
                "audit entries alone, %d threads, one transaction each: %.0f entries/s%n", threads, n / elapsed);
    }

    /** Single decisions from several threads at once: where one chain head would make them queue. */
    private static void concurrent(
            DecisionService decisions, String what, List<MemberKey> keys, int threads, int seconds)
            throws InterruptedException {
        var stop = new AtomicBoolean();
        var count = new AtomicLong();
        var done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            new Thread(() -> BenchApp.as("bench-system-" + me, Role.SYSTEM, () -> {
                        var random = new SplittableRandom(me);
                        while (!stop.get()) {
                            decisions.decide(keys.get(random.nextInt(keys.size())), PURPOSE, AT);
                            count.incrementAndGet();
                        }
                        done.countDown();
                        return null;
                    }))
                    .start();
        }
        Thread.sleep(2000);
        long start = count.get();
        long t = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long n = count.get() - start;
        double elapsed = (System.nanoTime() - t) / 1e9;
        stop.set(true);
        done.await();
        System.out.printf("single decisions, %d threads, %s: %.0f decisions/s%n", threads, what, n / elapsed);
    }

    private static long median(long[] values) {
        return percentile(values, 0.5);
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
