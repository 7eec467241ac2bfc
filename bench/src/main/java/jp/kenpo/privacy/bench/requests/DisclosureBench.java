package jp.kenpo.privacy.bench.requests;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.bench.BenchApp;
import jp.kenpo.privacy.bench.BenchDatabase;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.requests.AnswerPackage;
import jp.kenpo.privacy.requests.Decision;
import jp.kenpo.privacy.requests.DeliveryForm;
import jp.kenpo.privacy.requests.IdentityCheck;
import jp.kenpo.privacy.requests.NewRequest;
import jp.kenpo.privacy.requests.Outcome;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestKind;
import jp.kenpo.privacy.requests.Requester;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11's two figures on PostgreSQL. (1) The disclosure package of a member with 10 years of
 * receipts (about 120 a year, 10 a month) and a checkup a year, among other members with receipts
 * of their own: the answer built from the registry, the consent ledger, the claims module's
 * holdings, the vault's masked view and the provision history, zipped with its report and JSON
 * (target &lt; 2 s). (2) The list of 10,000 open requests by deadline, overdue first, read in one
 * page along its index (target &lt; 100 ms), and its first page.
 *
 * <p>Members are registered and receipts stored with SQL: the importers' speed is not what this
 * measures. Every request goes through {@link RequestDesk} as a clerk's would, except the 10,000
 * of the list, which are inserted with SQL in one statement (the same rows the desk writes).
 *
 * <p>Run: {@code bench/run requests.DisclosureBench [members] [rounds] [openRequests]}
 */
public final class DisclosureBench {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int open = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        try (var db = new BenchDatabase("requests");
                ConfigurableApplicationContext app = BenchApp.start(db, 4)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<MemberKey> keys = BenchApp.register(jdbc, members);
            MemberKey subject = keys.get(0);
            long t0 = System.nanoTime();
            int receipts = receipts(jdbc, members);
            System.out.printf(
                    "%,d synthetic members, %,d receipts stored (%.1f s); the subject %s has 1,200 receipts over 10 years"
                            + " and 10 checkups%n",
                    members, receipts, (System.nanoTime() - t0) / 1e9, subject);
            jdbc.execute("analyze");
            RequestDesk desk = app.getBean(RequestDesk.class);
            LocalDate today = SocietyTime.dateOf(java.time.Instant.now());

            double[] answer = new double[rounds];
            long bytes = 0;
            for (int r = -2; r < rounds; r++) {
                long id = BenchApp.as("bench-clerk", Role.CLERK, () -> {
                    long filed = desk.file(
                                    new NewRequest(
                                            subject,
                                            RequestKind.DISCLOSE,
                                            Optional.empty(),
                                            Requester.SELF,
                                            Channel.PAPER,
                                            today,
                                            Optional.of(DeliveryForm.ELECTRONIC),
                                            0),
                                    "bench-clerk")
                            .id();
                    desk.verify(filed, IdentityCheck.DRIVERS_LICENSE, Optional.empty(), "bench-clerk");
                    desk.decide(filed, Decision.of(Outcome.FULL, null), "bench-clerk");
                    return filed;
                });
                long t = System.nanoTime();
                AnswerPackage pack =
                        BenchApp.as("bench-clerk", Role.CLERK, () -> desk.answer(id, "bench-clerk", p -> {}));
                if (r >= 0) {
                    answer[r] = (System.nanoTime() - t) / 1e6;
                    bytes = pack.zip().length;
                }
            }
            Arrays.sort(answer);
            System.out.printf(
                    "disclosure package (answer: gather, report, JSON, ZIP, state, audit), %d rounds: median %.0f ms "
                            + "(min %.0f, max %.0f), %,d bytes%n",
                    rounds, answer[rounds / 2], answer[0], answer[rounds - 1], bytes);

            openRequests(jdbc, open, today);
            double[] walk = new double[rounds];
            double[] first = new double[rounds];
            int listed = 0;
            for (int r = -2; r < rounds; r++) {
                long t = System.nanoTime();
                int n = BenchApp.as("bench-clerk", Role.CLERK, () -> {
                    int count = 0;
                    Optional<String> next = Optional.empty();
                    do {
                        var page = desk.open(false, next, RequestDesk.MAX_PAGE);
                        count += page.requests().size();
                        next = page.next();
                    } while (next.isPresent());
                    return count;
                });
                double ms = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                BenchApp.as("bench-clerk", Role.CLERK, () -> desk.open(false, Optional.empty(), 100));
                double firstMs = (System.nanoTime() - t) / 1e6;
                if (r >= 0) {
                    walk[r] = ms;
                    first[r] = firstMs;
                    listed = n;
                }
            }
            Arrays.sort(walk);
            Arrays.sort(first);
            System.out.printf(
                    "open requests by deadline, all %,d in one page: median %.0f ms (min %.0f, max %.0f); "
                            + "first page of 100: median %.1f ms%n",
                    listed, walk[rounds / 2], walk[0], walk[rounds - 1], first[rounds / 2]);
            System.out.println(BenchApp.heap());
        }
    }

    /**
     * 10 receipts a month for 10 years for the first member, 12 a year for every other, and a
     * checkup a year for the first: one file each, rows as the claims importer writes them.
     */
    private static int receipts(JdbcTemplate jdbc, int members) {
        jdbc.update("""
                insert into health_data_file (kind, sha256, name, size_bytes, imported_at, imported_by, records, linked, quarantined)
                values ('RECEIPT', repeat('a', 64), 'bench-receipts', 0, now(), 'bench', 0, 0, 0)""");
        long file = jdbc.queryForObject("select max(id) from health_data_file", Long.class);
        long first = jdbc.queryForObject("select min(id) from member", Long.class);
        int subject = jdbc.update("""
                insert into receipt (file_id, seq, line, member_id, kind, receipt_type, treatment_month, inpatient,
                                     facility_code, prefecture, billing_month, days, points)
                select ?, i, i, ?, case when i % 5 = 0 then 'PHARMACY' when i % 7 = 0 then 'DENTAL' else 'MEDICAL' end,
                       '1112', date '2016-12-01' + ((i - 1) / 10) * interval '1 month', i % 97 = 0,
                       '1310000001', '13', date '2017-01-01' + ((i - 1) / 10) * interval '1 month', 1 + i % 3, 100 + i % 900
                  from generate_series(1, 1200) as i""", file, first);
        int others = jdbc.update("""
                insert into receipt (file_id, seq, line, member_id, kind, receipt_type, treatment_month, inpatient,
                                     facility_code, prefecture, billing_month, days, points)
                select ?, 1200 + (m.id - ?) * 12 + j, 0, m.id, 'MEDICAL', '1112',
                       date '2025-01-01' + (j - 1) * interval '1 month', false, '1310000001', '13',
                       date '2025-02-01' + (j - 1) * interval '1 month', 1, 250
                  from member m cross join generate_series(1, 12) as j where m.id <> ?""", file, first, first);
        jdbc.update("""
                insert into health_data_file (kind, sha256, name, size_bytes, imported_at, imported_by, records, linked, quarantined)
                values ('CHECKUP', repeat('b', 64), 'bench-checkups', 0, now(), 'bench', 0, 0, 0)""");
        long checkups = jdbc.queryForObject("select max(id) from health_data_file", Long.class);
        jdbc.update("""
                insert into checkup (file_id, seq, document, member_id, checkup_date, program_type, facility_code)
                select ?, y, 'bench-' || y, ?, date '2016-06-01' + (y - 1) * interval '1 year', '010', '1310000001'
                  from generate_series(1, 10) as y""", checkups, first);
        return subject + others;
    }

    /**
     * {@code count} open requests spread over the members, received over the last 40 days (so a
     * good part is overdue), in the states a desk leaves them.
     */
    private static void openRequests(JdbcTemplate jdbc, int count, LocalDate today) {
        jdbc.update("""
                insert into rights_request (member_id, kind, filed_by, channel, received_on, delivery_form, fee_yen,
                                            deadline, state, closed, filed_at, recorded_by)
                select m.id, 'DISCLOSE', 'SELF', 'PAPER', ?::date - (i % 40), 'ELECTRONIC', 0,
                       ?::date - (i % 40) + 14, case i % 3 when 0 then 'RECEIVED' when 1 then 'IDENTITY_VERIFIED' else 'DECIDED' end,
                       false, now(), 'bench'
                  from generate_series(1, ?) as i
                  join member m on m.id = (select min(id) from member) + (i % (select count(*) from member))""", today, today, count);
        jdbc.execute("analyze rights_request");
        System.out.printf("%,d open requests stored%n", count);
    }
}
