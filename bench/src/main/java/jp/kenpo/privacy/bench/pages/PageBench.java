package jp.kenpo.privacy.bench.pages;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.kenpo.privacy.KenpoApplication;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.Operator;
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
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.MemberSearch;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.provision.ProvisionOrder;
import jp.kenpo.privacy.provision.ProvisionRuns;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.requests.DeliveryForm;
import jp.kenpo.privacy.requests.NewRequest;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestKind;
import jp.kenpo.privacy.requests.Requester;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every console and portal page requested {@code requests} times (default 200) over HTTP on the
 * loopback interface, signed in as a clerk and as a member who set their accounts up through the
 * pages, on PostgreSQL: p50, p95 and the slowest answer per page, measured at the client (so
 * server time plus the loopback round trip). Then the kana-prefix search itself, through
 * {@link MemberRegistry#search}, with prefixes of 1, 2 and 3 characters.
 *
 * <p>On a fresh database it registers {@code members} synthetic insured persons (default
 * 1,000,000, each with a フリガナ of its own syllables). On a kept one ({@code
 * -Dbench.pg.keep=NAME}) that already holds members — the generator's population with its
 * receipts, loaded by {@code release.ReleaseBench} — it uses those: the subject is an insured
 * person with dependents from the middle of the registry, the search prefix their own フリガナ's.
 * Nothing is deleted there; what the pages need and a kept database lacks is added once and
 * found again by later runs (the subject's consent events, a provision of their checkup results
 * to their employer, a request), and each run adds its own two accounts.
 *
 * <pre>bench/run pages.PageBench [members] [requests]</pre>
 */
public final class PageBench {

    private static final String SYLLABLES = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<");

    private PageBench() {}

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (var db = new BenchDatabase("pages")) {
            var app = start(db);
            try {
                run(app, members, requests);
            } finally {
                app.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(BenchDatabase db) throws Exception {
        Path key = BenchApp.masterKey(db);
        return new SpringApplicationBuilder(KenpoApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--logging.level.root=WARN",
                        // a kept database may hold migrations of a branch merged later
                        "--spring.flyway.out-of-order=" + db.kept(),
                        "--kenpo.mynumber.master-key=file:" + key);
    }

    private static void run(ConfigurableApplicationContext app, int count, int requests) throws Exception {
        var jdbc = app.getBean(JdbcTemplate.class);
        long held = jdbc.queryForObject("select count(*) from member", Long.class);
        MemberKey subject;
        if (held == 0) {
            long t0 = System.nanoTime();
            register(jdbc, count);
            jdbc.execute("analyze member");
            System.out.printf("registered %,d members in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
            subject = new MemberKey("B" + (count / 2) / 1000, Integer.toString(count / 2), "00");
        } else {
            subject = insuredWithDependents(jdbc);
            System.out.printf(
                    "%,d members already held (%,d receipts): the subject is %s%n",
                    held, jdbc.queryForObject("select count(*) from receipt", Long.class), subject);
        }
        var ledger = app.getBean(ConsentLedger.class);
        for (int i = ledger.history(subject).size(); i < 10; i++) {
            ledger.record(
                    new ConsentRequest(
                            subject,
                            i % 2 == 0 ? ConsentAction.RESERVE : ConsentAction.LIFT,
                            ConsentTarget.purpose(new PurposeCode(3, 1)),
                            LocalDate.of(2026, 4, 1).plusDays(i),
                            Channel.PAPER,
                            Filer.SELF,
                            Optional.empty()),
                    "bench");
        }
        provisionsOf(app, subject);
        long request = requestOf(app, subject);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        var accounts = app.getBean(AccountService.class);
        // names of this run's own: a kept database keeps the accounts of earlier runs
        String run = Long.toString(System.currentTimeMillis(), 36);
        String clerkOtp = asOperator(() -> accounts.create("bench-clerk-" + run, Role.CLERK, Optional.empty()))
                .oneTimePassword()
                .orElseThrow();
        String memberOtp = asOperator(() -> accounts.create("bench-member-" + run, Role.MEMBER, Optional.of(subject)))
                .oneTimePassword()
                .orElseThrow();
        String officerOtp = asOperator(
                        () -> accounts.create("bench-officer-" + run, Role.PRIVACY_OFFICER, Optional.empty()))
                .oneTimePassword()
                .orElseThrow();
        var clerk = new Browser(port);
        clerk.setUp("bench-clerk-" + run, clerkOtp, true);
        var officer = new Browser(port);
        officer.setUp("bench-officer-" + run, officerOtp, true);
        var member = new Browser(port);
        member.setUp("bench-member-" + run, memberOtp, false);

        String kana = jdbc.queryForObject(
                "select name_kana_search from member where symbol = ? and number = ? and branch = ?",
                String.class,
                subject.symbol(),
                subject.number(),
                subject.branch());
        var pages = new LinkedHashMap<String, Browser>();
        pages.put("/console", clerk);
        pages.put("/console/members?kana=" + enc(kana.substring(0, 2)), clerk);
        pages.put("/console/members/" + subject, clerk);
        pages.put("/console/members/" + subject + "/decision?purpose=3.1", clerk);
        pages.put("/console/members/" + subject + "/forms", clerk);
        pages.put("/console/requests", clerk);
        pages.put("/console/requests/" + request, clerk);
        pages.put("/console/imports", clerk);
        pages.put("/console/quarantine", clerk);
        pages.put("/console/catalog", clerk);
        pages.put("/console/catalog/versions/1", clerk);
        pages.put("/console/catalog/new", officer);
        pages.put("/console/accounts", officer);
        pages.put("/console/audit", officer);
        pages.put("/portal", member);
        pages.put("/portal/members/" + subject, member);
        pages.put("/portal/members/" + subject + "/history", member);
        pages.put("/portal/members/" + subject + "/recipients", member);
        pages.put("/portal/members/" + subject + "/requests", member);
        pages.put("/notice", member);
        pages.put("/notice/form", member);
        System.out.printf("%-58s %8s %8s %8s%n", "page (" + requests + " requests each)", "p50 ms", "p95 ms", "max ms");
        for (var page : pages.entrySet()) {
            for (int i = 0; i < 20; i++) {
                page.getValue().get(page.getKey(), 200);
            }
            long[] times = new long[requests];
            for (int i = 0; i < requests; i++) {
                long s = System.nanoTime();
                page.getValue().get(page.getKey(), 200);
                times[i] = System.nanoTime() - s;
            }
            print(page.getKey(), times);
        }

        var registry = app.getBean(MemberRegistry.class);
        for (int length = 1; length <= 3; length++) {
            String prefix = kana.substring(0, length);
            var search = new MemberSearch(Optional.of(prefix), Optional.empty(), Optional.empty());
            long[] times = new long[requests];
            int found = 0;
            for (int i = 0; i < requests + 20; i++) {
                long s = System.nanoTime();
                found = BenchApp.as(
                                "bench-clerk-" + run, Role.CLERK, () -> registry.search(search, Optional.empty(), 50))
                        .size();
                if (i >= 20) {
                    times[i - 20] = System.nanoTime() - s;
                }
            }
            print("MemberRegistry.search kana prefix of " + length + " (" + found + " shown)", times);
        }
        System.out.println(BenchApp.heap());
    }

    private static void print(String what, long[] times) {
        Arrays.sort(times);
        System.out.printf(
                "%-58s %8.1f %8.1f %8.1f%n",
                what,
                times[times.length / 2] / 1e6,
                times[(int) Math.ceil(times.length * 0.95) - 1] / 1e6,
                times[times.length - 1] / 1e6);
    }

    /** Members B{n/1000}-{n}-00 with フリガナ of three syllables, a space and two more, from n. */
    private static void register(JdbcTemplate jdbc, int count) {
        String insurer = "061399" + "1" + jp.kenpo.privacy.formats.InsurerNumber.checkDigit("0613991");
        int n = SYLLABLES.length();
        jdbc.update("update registry_revision set revision = revision + 1 where id = 1");
        jdbc.update(
                """
                insert into member (insurer_number, symbol, number, branch, kind, name_kanji, name_kana, sex, birth_date, revision)
                select ?, 'B' || (i / 1000), i::text, '00', 'INSURED', '試験 太郎',
                       substr(?, (i % ?) + 1, 1) || substr(?, (i / ? % ?) + 1, 1) || substr(?, (i / ? % ?) + 1, 1)
                         || ' ' || substr(?, (i / 7 % ?) + 1, 1) || substr(?, (i / 11 % ?) + 1, 1),
                       1, date '1960-01-01' + (i % 20000), (select revision from registry_revision where id = 1)
                  from generate_series(1, ?) as i""", insurer, SYLLABLES, n, SYLLABLES, n, n, SYLLABLES, n * n, n, SYLLABLES, n, SYLLABLES, n, count);
        jdbc.update("insert into member_eligibility (member_id, acquired_on) select id, date '2020-04-01' from member");
    }

    /**
     * An insured person from the middle of a registry already loaded: one with dependents (the
     * portal then lists a household), or, where nobody has any, the first insured person there.
     */
    private static MemberKey insuredWithDependents(JdbcTemplate jdbc) {
        String middle = "m.kind = 'INSURED' and m.id >= (select (min(id) + max(id)) / 2 from member)";
        var found = jdbc.query(
                "select m.symbol, m.number, m.branch from member m where " + middle
                        + " and exists (select 1 from member d where d.insured_id = m.id)"
                        + " order by m.id fetch first 1 rows only",
                (rs, n) -> new MemberKey(rs.getString(1), rs.getString(2), rs.getString(3)));
        if (found.isEmpty()) {
            found = jdbc.query(
                    "select m.symbol, m.number, m.branch from member m where " + middle
                            + " order by m.id fetch first 1 rows only",
                    (rs, n) -> new MemberKey(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return found.get(0);
    }

    /**
     * A provision of the subject's checkup results to their employer (3.8), through the provision
     * runs as a clerk would make it, unless the subject has records already (a kept database).
     */
    private static void provisionsOf(ConfigurableApplicationContext app, MemberKey subject) throws Exception {
        var history = app.getBean(ProvisionHistory.class);
        if (!BenchApp.as("bench", Role.CLERK, () -> history.ofMember(subject)).isEmpty()) {
            return;
        }
        var register = app.getBean(RecipientRegister.class);
        String employer = "BENCH-EMPLOYER";
        PurposeCode checkups = new PurposeCode(3, 8);
        asOperator(() -> register.find(employer)
                .orElseGet(() -> register.add(new NewRecipient(
                        employer,
                        RecipientKind.THIRD_PARTY,
                        "試験事業者株式会社",
                        "東京都千代田区試験町1-1",
                        "代表取締役 試験 一郎",
                        List.of(checkups),
                        "BENCH-1",
                        LocalDate.of(2025, 4, 1),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))));
        Path dir = Files.createTempDirectory("kenpo-bench-provision");
        Path in = dir.resolve("checkups.csv");
        Files.writeString(in, "member,bmi,hba1c\n" + subject + ",22.1,5.4\n", StandardCharsets.UTF_8);
        var runs = app.getBean(ProvisionRuns.class);
        asOperator(() -> runs.provide(
                new ProvisionOrder(checkups, employer, Optional.empty(), Optional.empty()),
                in,
                "checkups.csv",
                dir.resolve("out")));
    }

    /** The subject's request (a disclosure of the provision records), filed once. */
    private static long requestOf(ConfigurableApplicationContext app, MemberKey subject) {
        var desk = app.getBean(RequestDesk.class);
        var held = BenchApp.as("bench", Role.CLERK, () -> desk.about(List.of(subject)));
        if (!held.isEmpty()) {
            return held.get(0).id();
        }
        return BenchApp.as(
                        "bench",
                        Role.CLERK,
                        () -> desk.file(
                                new NewRequest(
                                        subject,
                                        RequestKind.DISCLOSE_PROVISION_RECORDS,
                                        Optional.empty(),
                                        Requester.SELF,
                                        Channel.PAPER,
                                        LocalDate.now(SocietyTime.ZONE),
                                        Optional.of(DeliveryForm.PAPER),
                                        0),
                                "bench"))
                .id();
    }

    private static <T> T asOperator(java.util.function.Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        context.setAuthentication(Operator.authentication("cli:bench"));
        try {
            return work.get();
        } finally {
            context.setAuthentication(null);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A browser without a screen: cookies, the forms' CSRF tokens, no redirects followed. */
    private static final class Browser {
        private final int port;
        private final HttpClient http;

        Browser(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        /** Sign in with the one-time password, choose a password, enrol an authenticator, sign in again. */
        void setUp(String name, String oneTime, boolean secondFactor) throws Exception {
            String password = "bench-" + java.util.UUID.randomUUID();
            expect(signIn(name, oneTime, ""), "/account/password");
            String csrf = csrf(get("/account/password", 200));
            expect(
                    post(
                            "/account/password",
                            Map.of(
                                    "currentPassword", oneTime,
                                    "newPassword", password,
                                    "confirmPassword", password,
                                    "_csrf", csrf)),
                    "/sign-in?passwordChanged");
            if (!secondFactor) {
                expect(signIn(name, password, ""), "/portal");
                return;
            }
            expect(signIn(name, password, ""), "/account/second-factor");
            String page = get("/account/second-factor", 200);
            var started = post("/account/second-factor", Map.of("_csrf", csrf(page)));
            var m = SECRET.matcher(started.body());
            if (!m.find()) {
                throw new IllegalStateException("no secret on the enrolment page");
            }
            String secret = m.group(1).replace(" ", "");
            long step = Instant.now().getEpochSecond() / 30;
            expect(
                    post(
                            "/account/second-factor/confirm",
                            Map.of("code", totp(secret, step), "_csrf", csrf(started.body()))),
                    "/sign-in?enrolled");
            expect(signIn(name, password, totp(secret, step + 1)), "/console");
        }

        private HttpResponse<String> signIn(String name, String password, String code) throws Exception {
            String csrf = csrf(get("/sign-in", 200));
            return post("/sign-in", Map.of("username", name, "password", password, "code", code, "_csrf", csrf));
        }

        String get(String path, int status) throws Exception {
            var r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != status) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static void expect(HttpResponse<String> r, String location) {
            String at = r.headers().firstValue("Location").orElse("(none)").replaceFirst("^https?://[^/]+", "");
            if (r.statusCode() != 302 || !at.equals(location)) {
                throw new IllegalStateException(
                        "expected a redirect to " + location + ", got " + r.statusCode() + " to " + at);
            }
        }

        private static String csrf(String page) {
            var m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
            return m.group(1);
        }
    }

    /** RFC 6238 (HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it. */
    private static String totp(String base32, long step) throws Exception {
        var key = new ArrayList<Byte>();
        long buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.add((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] k = new byte[key.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = key.get(i);
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(k, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[19] & 0xf;
        int v = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                % 1_000_000;
        return String.format("%06d", v);
    }
}
