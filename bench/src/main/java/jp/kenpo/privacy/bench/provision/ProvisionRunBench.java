package jp.kenpo.privacy.bench.provision;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ProvisionOrder;
import jp.kenpo.privacy.provision.ProvisionReport;
import jp.kenpo.privacy.provision.ProvisionRuns;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A provision run on PostgreSQL (issue 10: 1,000,000 rows to a third party, 3 % of the members with
 * consent events, decided, written and recorded in under 30 s). Synthetic members and a synthetic
 * checkup-results file (one row per member); the run goes through {@code ProvisionRuns} as
 * {@code ./kenpo provide} does: batch decision, the file written and moved into place, the run and one
 * provision record per member committed together. Each round is a new run of the same file.
 *
 * <p>Run: {@code bench/run provision.ProvisionRunBench [rows] [rounds] [share with events]}
 */
public final class ProvisionRunBench {

    static final PurposeCode P38 = PurposeCode.parse("3.8");

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.03;
        Path dir = Path.of("bench-out", "provision");
        Files.createDirectories(dir);
        try (var db = new BenchDatabase("provision");
                ConfigurableApplicationContext app = BenchApp.start(db, 4)) {
            long t0 = System.nanoTime();
            List<MemberKey> keys = BenchApp.register(app.getBean(JdbcTemplate.class), rows);
            System.out.printf("%,d synthetic members inserted in %.0f s%n", rows, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            int events = BenchApp.as(
                    "bench-clerk", Role.CLERK, () -> consents(app.getBean(ConsentLedger.class), keys, share));
            System.out.printf("%,d consent events recorded in %.0f s%n", events, (System.nanoTime() - t0) / 1e9);
            BenchApp.as(
                    "bench-officer",
                    Role.PRIVACY_OFFICER,
                    () -> app.getBean(RecipientRegister.class)
                            .add(new NewRecipient(
                                    "EMPLOYER-1",
                                    RecipientKind.THIRD_PARTY,
                                    "試験商事株式会社",
                                    "東京都千代田区試験町1-1",
                                    "代表取締役 試験 一郎",
                                    List.of(P38),
                                    "collabo-2025",
                                    LocalDate.of(2025, 4, 1),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())));
            Path input = dir.resolve("results-" + rows + ".csv");
            writeInput(input, keys);
            System.out.printf("input %s: %,d bytes%n", input, Files.size(input));
            ProvisionRuns runs = app.getBean(ProvisionRuns.class);
            Instant at = SocietyTime.startOf(LocalDate.of(2026, 6, 1)).plusSeconds(36_000);
            for (int r = 0; r < rounds; r++) {
                Instant when = at.plusSeconds(r);
                long start = System.nanoTime();
                ProvisionReport report = BenchApp.as(
                        "bench-officer",
                        Role.PRIVACY_OFFICER,
                        () -> runs.provide(
                                new ProvisionOrder(P38, "EMPLOYER-1", Optional.of(when), Optional.empty()),
                                input,
                                input.toString(),
                                dir.resolve("out")));
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "round %d: %,d rows read, %,d written, %,d provision records, %,d left out %s in %.2f s:"
                                + " %,.0f records/s, %,.0f rows/s%n",
                        r + 1,
                        report.rowsRead(),
                        report.rowsWritten(),
                        report.membersWritten(),
                        report.leftOutCount(),
                        report.leftOutByReason(),
                        s,
                        report.membersWritten() / s,
                        report.rowsRead() / s);
                Files.deleteIfExists(Path.of(report.file()));
            }
            System.out.println(BenchApp.heap());
        }
    }

    /** A share of the members reserve 3.8 (or category 3); about half of them then consent, some lift it. */
    static int consents(ConsentLedger ledger, List<MemberKey> keys, double share) {
        var random = new SplittableRandom(20261207L);
        var requests = new ArrayList<ConsentRequest>();
        int recorded = 0;
        for (MemberKey key : keys) {
            if (random.nextDouble() >= share) {
                continue;
            }
            ConsentTarget target = random.nextInt(3) == 0 ? ConsentTarget.category(3) : ConsentTarget.purpose(P38);
            LocalDate day = LocalDate.of(2025, 4, 1).plusDays(random.nextInt(400));
            requests.add(request(key, ConsentAction.RESERVE, target, day));
            int next = random.nextInt(4);
            if (next < 2) {
                requests.add(request(key, ConsentAction.GIVE, target, day.plusDays(10)));
            } else if (next == 2) {
                requests.add(request(key, ConsentAction.LIFT, target, day.plusDays(10)));
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

    private static ConsentRequest request(MemberKey key, ConsentAction action, ConsentTarget target, LocalDate day) {
        return new ConsentRequest(key, action, target, day, Channel.PAPER, Filer.SELF, Optional.empty());
    }

    private static void writeInput(Path file, List<MemberKey> keys) throws Exception {
        var random = new SplittableRandom(1L);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("member,checkup_date,height_cm,weight_kg,bmi,sbp,dbp,hba1c\n");
            for (MemberKey k : keys) {
                double h = 150 + random.nextInt(40);
                double wt = 45 + random.nextInt(50);
                w.write(k + ",2026-05-" + (10 + random.nextInt(19)) + "," + h + "," + wt + ","
                        + String.format("%.1f", wt / (h * h / 10000)) + "," + (100 + random.nextInt(60)) + ","
                        + (60 + random.nextInt(40)) + "," + (4.5 + random.nextInt(30) / 10.0) + "\n");
            }
        }
    }
}
