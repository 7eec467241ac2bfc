package jp.kenpo.privacy.bench.mynumber;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import jp.kenpo.privacy.provision.ExchangeOrder;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Individual numbers read through the vault per second on PostgreSQL (issue 3: at least 50,000/s
 * on 2 cores): an info-linkage batch (purpose 1.8) reading a whole population, end to end —
 * member ids looked up, sealed numbers fetched, each opened with AES-256-GCM and checked, one
 * audit entry per batch. With 1 and with 2 threads, each reading its own half.
 *
 * <p>With a category 7 purpose as third argument (e.g. 7.1) each batch is an info-linkage with a
 * public body of the register and also writes its exchange record, one row per member read, before
 * the first number leaves (My Number Act Art. 23(1)).
 *
 * <p>Run: {@code bench/run mynumber.VaultReadThroughput [members] [rounds] [purpose]}
 */
public final class VaultReadThroughput {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PurposeCode purpose = PurposeCode.parse(args.length > 2 ? args[2] : "1.8");
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
            Optional<ExchangeOrder> exchange = Optional.empty();
            if (purpose.category() == 7) {
                BenchApp.as(
                        "bench-officer",
                        Role.PRIVACY_OFFICER,
                        () -> app.getBean(RecipientRegister.class)
                                .add(new NewRecipient(
                                        "CITY-1",
                                        RecipientKind.PUBLIC_BODY,
                                        "試験市",
                                        "東京都試験区1-1",
                                        "市長 試験 太郎",
                                        List.of(purpose),
                                        "linkage-2025",
                                        LocalDate.of(2025, 4, 1),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())));
                exchange = Optional.of(new ExchangeOrder("CITY-1", List.of("給付情報")));
            }
            System.out.printf("purpose %s%s%n", purpose, exchange.isPresent() ? ", exchange records with CITY-1" : "");
            Reads reads = new Reads(vault, purpose, exchange);
            reads.read(List.of(keys), 2);
            for (int threads : new int[] {1, 2}) {
                var parts = new ArrayList<List<MemberKey>>();
                for (int t = 0; t < threads; t++) {
                    parts.add(keys.subList(t * keys.size() / threads, (t + 1) * keys.size() / threads));
                }
                double[] rates = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    rates[r] = reads.read(parts, 1);
                }
                Arrays.sort(rates);
                System.out.printf(
                        "vault reads, %d thread(s), %d numbers a round: median %.0f numbers/s (min %.0f, max %.0f)%n",
                        threads, members, rates[rounds / 2], rates[0], rates[rounds - 1]);
            }
        }
    }

    private record Reads(MyNumberVault vault, PurposeCode purpose, Optional<ExchangeOrder> exchange) {

        /** Reads every part once per repetition, one thread per part; returns numbers per second. */
        double read(List<List<MemberKey>> parts, int repetitions) {
            double rate = 0;
            for (int i = 0; i < repetitions; i++) {
                var read = new AtomicLong();
                long t = System.nanoTime();
                CompletableFuture.allOf(parts.stream()
                                .map(part -> CompletableFuture.runAsync(() -> read.addAndGet(BenchApp.as(
                                        "bench-linkage",
                                        Role.SYSTEM,
                                        () -> vault.readAll(part, purpose, exchange, (k, n) -> n.reveal())))))
                                .toArray(CompletableFuture[]::new))
                        .join();
                rate = read.get() / ((System.nanoTime() - t) / 1e9);
            }
            return rate;
        }
    }

    /**
     * A synthetic number for each member: random digits and their check digit, each number once (200,000
     * random ones collide about one run in five, and the vault refuses a number of another member). No
     * real person's number.
     */
    private static ByteArrayInputStream numbers(List<MemberKey> keys) {
        var random = ThreadLocalRandom.current();
        var sb = new StringBuilder(keys.size() * 32).append("member,individual_number\n");
        var used = new java.util.HashSet<String>(keys.size() * 2);
        for (MemberKey k : keys) {
            String number;
            do {
                number = number(random);
            } while (!used.add(number));
            sb.append(k).append(',').append(number).append('\n');
        }
        return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String number(ThreadLocalRandom random) {
        var digits = new StringBuilder(12);
        int sum = 0;
        int[] weights = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int i = 0; i < 11; i++) {
            int d = random.nextInt(10);
            digits.append(d);
            sum += d * weights[i];
        }
        int r = sum % 11;
        return digits.append(r <= 1 ? 0 : 11 - r).toString();
    }
}
