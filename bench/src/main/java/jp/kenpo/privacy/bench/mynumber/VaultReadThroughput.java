package jp.kenpo.privacy.bench.mynumber;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.mynumber.MyNumberImport;
import jp.kenpo.privacy.mynumber.MyNumberVault;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Individual numbers read through the vault per second on PostgreSQL (issue 3: at least 50,000/s
 * on 2 cores): an info-linkage batch (purpose 1.8) reading a whole population, end to end —
 * member ids looked up, sealed numbers fetched, each opened with AES-256-GCM and checked, one
 * audit entry per batch. With 1 and with 2 threads, each reading its own half.
 *
 * <p>Run: {@code bench/run mynumber.VaultReadThroughput [members] [rounds]}
 */
public final class VaultReadThroughput {

    private static final PurposeCode LINKAGE = PurposeCode.parse("1.8");

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (var db = new BenchDatabase("vault");
                ConfigurableApplicationContext app = BenchApp.start(db, 4)) {
            List<MemberKey> keys = BenchApp.register(app.getBean(JdbcTemplate.class), members);
            MyNumberVault vault = app.getBean(MyNumberVault.class);
            long t0 = System.nanoTime();
            BenchApp.as(
                    "bench-operator",
                    Role.CLERK,
                    () -> app.getBean(MyNumberImport.class)
                            .importCsv(numbers(keys), "numbers.csv", StandardCharsets.UTF_8));
            System.out.printf(
                    "%d synthetic members and numbers stored (import %.1f s)%n",
                    members, (System.nanoTime() - t0) / 1e9);
            read(vault, List.of(keys), 2);
            for (int threads : new int[] {1, 2}) {
                var parts = new ArrayList<List<MemberKey>>();
                for (int t = 0; t < threads; t++) {
                    parts.add(keys.subList(t * keys.size() / threads, (t + 1) * keys.size() / threads));
                }
                double[] rates = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    rates[r] = read(vault, parts, 1);
                }
                Arrays.sort(rates);
                System.out.printf(
                        "vault reads, %d thread(s), %d numbers a round: median %.0f numbers/s (min %.0f, max %.0f)%n",
                        threads, members, rates[rounds / 2], rates[0], rates[rounds - 1]);
            }
        }
    }

    /** Reads every part once per repetition, one thread per part; returns numbers per second. */
    private static double read(MyNumberVault vault, List<List<MemberKey>> parts, int repetitions) {
        double rate = 0;
        for (int i = 0; i < repetitions; i++) {
            var read = new AtomicLong();
            long t = System.nanoTime();
            CompletableFuture.allOf(parts.stream()
                            .map(part -> CompletableFuture.runAsync(() -> read.addAndGet(BenchApp.as(
                                    "bench-linkage",
                                    Role.SYSTEM,
                                    () -> vault.readAll(part, LINKAGE, (k, n) -> n.reveal())))))
                            .toArray(CompletableFuture[]::new))
                    .join();
            rate = read.get() / ((System.nanoTime() - t) / 1e9);
        }
        return rate;
    }

    /** A synthetic number for each member: random digits and their check digit. No real person's number. */
    private static ByteArrayInputStream numbers(List<MemberKey> keys) {
        var random = ThreadLocalRandom.current();
        var sb = new StringBuilder(keys.size() * 32).append("member,individual_number\n");
        for (MemberKey k : keys) {
            var digits = new StringBuilder(12);
            int sum = 0;
            int[] weights = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
            for (int i = 0; i < 11; i++) {
                int d = random.nextInt(10);
                digits.append(d);
                sum += d * weights[i];
            }
            int r = sum % 11;
            sb.append(k).append(',').append(digits).append(r <= 1 ? 0 : 11 - r).append('\n');
        }
        return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
