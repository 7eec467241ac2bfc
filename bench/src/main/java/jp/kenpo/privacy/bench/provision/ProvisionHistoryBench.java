package jp.kenpo.privacy.bench.provision;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member's provision history on PostgreSQL (issue 10: 10 years of monthly runs, p99 under 50 ms).
 * 120 monthly runs to one employer, each with every member's record, are inserted with SQL (the
 * run's speed is ProvisionRunBench's); then {@code ProvisionHistory.ofMember} — the read and its
 * audit entry, as the API answers it — for random members.
 *
 * <p>Run: {@code bench/run provision.ProvisionHistoryBench [members] [reads]}
 */
public final class ProvisionHistoryBench {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        try (var db = new BenchDatabase("history");
                ConfigurableApplicationContext app = BenchApp.start(db, 4)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<MemberKey> keys = BenchApp.register(jdbc, members);
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
                                    List.of(PurposeCode.parse("3.8")),
                                    "collabo",
                                    LocalDate.of(2016, 4, 1),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())));
            long t0 = System.nanoTime();
            jdbc.update("""
                    insert into provision_run (recipient_id, recipient_name, recipient_address, recipient_representative,
                           purpose_code, record_type, provided_at, provided_on, items, file_name, file_sha256, input_name,
                           rows_read, rows_written, members_written, left_out, run_by, retention_until)
                    select 'EMPLOYER-1', '試験商事株式会社', '東京都千代田区試験町1-1', '代表取締役 試験 一郎', '3.8', 'ART29',
                           (date '2016-12-01' + make_interval(months => m))::timestamptz,
                           (date '2016-12-01' + make_interval(months => m))::date,
                           'member' || chr(9) || 'bmi', 'provision-' || m || '.csv', repeat('0', 64), 'bench.csv',
                           ?, ?, ?, '{}', 'bench', (date '2016-12-01' + make_interval(months => m + 36))::date
                      from generate_series(0, 119) as m""", members, members, members);
            jdbc.update("""
                    insert into provision_record (run_id, member_id, provided_on, basis, row_count, retention_until)
                    select r.id, m.id, r.provided_on, 'DEEMED_CONSENT', 1, r.retention_until
                      from provision_run r cross join member m""");
            jdbc.execute("analyze provision_record");
            long records = jdbc.queryForObject("select count(*) from provision_record", Long.class);
            System.out.printf(
                    "%,d members, 120 monthly runs, %,d provision records inserted in %.0f s%n",
                    members, records, (System.nanoTime() - t0) / 1e9);
            ProvisionHistory history = app.getBean(ProvisionHistory.class);
            var random = new SplittableRandom(7L);
            long[] times = new long[reads];
            BenchApp.as("bench-clerk", Role.CLERK, () -> {
                for (int i = 0; i < 300; i++) {
                    history.ofMember(keys.get(random.nextInt(keys.size())));
                }
                for (int i = 0; i < reads; i++) {
                    MemberKey k = keys.get(random.nextInt(keys.size()));
                    long t = System.nanoTime();
                    int n = history.ofMember(k).size();
                    times[i] = System.nanoTime() - t;
                    if (n != 120) {
                        throw new IllegalStateException("expected 120 records, got " + n);
                    }
                }
                return null;
            });
            Arrays.sort(times);
            System.out.printf(
                    "ofMember (120 records, audited), %,d reads: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    reads, times[reads / 2] / 1e6, times[(int) (reads * 0.99)] / 1e6, times[reads - 1] / 1e6);
        }
    }
}
