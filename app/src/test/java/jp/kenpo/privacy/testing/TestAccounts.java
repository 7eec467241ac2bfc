package jp.kenpo.privacy.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.CreatedAccount;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.context.ApplicationContext;

/**
 * The test accounts of one application context, set up the way a person sets up theirs: created
 * with a one-time password, signed in, password changed, authenticator enrolled, signed in again.
 * Each account signs in once per run and keeps its session (a TOTP code is good only once).
 */
public final class TestAccounts {

    private static final Map<ApplicationContext, TestAccounts> BY_CONTEXT = new ConcurrentHashMap<>();

    /** A person's credentials and the last TOTP step they used. */
    public static final class Person {
        public final String name;
        public final String password;
        public final String totpSecret;
        private long lastStep;

        Person(String name, String password, String totpSecret, long lastStep) {
            this.name = name;
            this.password = password;
            this.totpSecret = totpSecret;
            this.lastStep = lastStep;
        }

        /**
         * A code for a step not used before: the current one, or the next (the server accepts one
         * step ahead); waits for the clock when both are used.
         */
        public synchronized String nextCode() {
            while (lastStep + 1 > Totps.step(Instant.now()) + 1) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            lastStep = Math.max(Totps.step(Instant.now()), lastStep + 1);
            return Totps.code(totpSecret, lastStep);
        }

        /** The code of the step used last: at sign-in, or to confirm the enrolment. */
        public synchronized String lastUsedCode() {
            return Totps.code(totpSecret, lastStep);
        }

        /** A code that is not the current one (and uses no step). */
        public String wrongCode() {
            String right = Totps.code(totpSecret, Totps.step(Instant.now()));
            return (char) ('0' + (right.charAt(0) - '0' + 1) % 10) + right.substring(1);
        }
    }

    private final AccountService accounts;
    private final Map<String, Api.Session> sessions = new HashMap<>();

    private TestAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    public static TestAccounts of(ApplicationContext context) {
        return BY_CONTEXT.computeIfAbsent(context, c -> new TestAccounts(c.getBean(AccountService.class)));
    }

    /** The session of officer, clerk, auditor (password and TOTP) or system (API token), set up on first use. */
    synchronized Api.Session session(Api api, String user) {
        Api.Session s = sessions.get(user);
        if (s == null) {
            s = switch (user) {
                case "officer" -> signedIn(api, person(api, user, Role.PRIVACY_OFFICER));
                case "clerk" -> signedIn(api, person(api, user, Role.CLERK));
                case "auditor" -> signedIn(api, person(api, user, Role.AUDITOR));
                case "system" -> api.withToken(systemToken(user));
                default -> throw new IllegalArgumentException("no test account '" + user + "'");
            };
            sessions.put(user, s);
        }
        return s;
    }

    /**
     * Creates an account and sets it up over HTTP as its holder would: sign in with the one-time
     * password, choose a password, enrol an authenticator where the role needs one.
     */
    public Person person(Api api, String name, Role role) {
        CreatedAccount created = operator(() -> accounts.create(name, role, Optional.empty()));
        return setUp(api, name, created.oneTimePassword().orElseThrow(), true);
    }

    /** A MEMBER account for the member, set up (no second factor: the default policy asks none of members). */
    public Person member(Api api, String name, MemberKey member) {
        CreatedAccount created = operator(() -> accounts.create(name, Role.MEMBER, Optional.of(member)));
        return setUp(api, name, created.oneTimePassword().orElseThrow(), false);
    }

    public Person setUp(Api api, String name, String oneTimePassword, boolean secondFactor) {
        String password = "pw-" + UUID.randomUUID().toString().substring(0, 18);
        var first = api.anonymous();
        require(first.signIn(name, oneTimePassword, null), 200, "sign-in with the one-time password");
        require(
                first.postJson(
                        "/api/v1/account/password",
                        Api.json(Map.of("currentPassword", oneTimePassword, "newPassword", password))),
                204,
                "password change");
        if (!secondFactor) {
            return new Person(name, password, null, 0);
        }
        var second = api.anonymous();
        require(second.signIn(name, password, null), 200, "sign-in to enrol");
        var setup = require(second.postJson("/api/v1/account/second-factor", "{}"), 200, "enrolment");
        String secret = setup.json().get("secret").asString();
        long step = Totps.step(Instant.now());
        require(
                second.postJson(
                        "/api/v1/account/second-factor/confirm", Api.json(Map.of("code", Totps.code(secret, step)))),
                204,
                "enrolment confirmed");
        return new Person(name, password, secret, step);
    }

    /** A session signed in with password and (if enrolled) a fresh TOTP code. */
    public Api.Session signedIn(Api api, Person p) {
        var s = api.anonymous();
        require(s.signIn(p.name, p.password, p.totpSecret == null ? null : p.nextCode()), 200, "sign-in of " + p.name);
        return s;
    }

    /** A SYSTEM account and a token for it. */
    public String systemToken(String name) {
        return operator(() -> {
            if (accounts.list().stream().noneMatch(a -> a.name().equals(name))) {
                accounts.create(name, Role.SYSTEM, Optional.empty());
            }
            return accounts.issueToken(name, "tests", Optional.of(Duration.ofDays(1)))
                    .token();
        });
    }

    /** Runs signed in as an account with the role (no session: in this thread, as a request would be). */
    public static <T> T as(String name, Role role, java.util.function.Supplier<T> work) {
        var security = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = security.getAuthentication();
        var who = new jp.kenpo.privacy.accounts.SignedIn(name, role, Optional.empty(), java.util.Set.of());
        security.setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        who, null, who.authorities()));
        try {
            return work.get();
        } finally {
            security.setAuthentication(previous);
        }
    }

    /** Runs as the operator, as a command line does. */
    public static <T> T operator(java.util.function.Supplier<T> work) {
        var security = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = security.getAuthentication();
        security.setAuthentication(jp.kenpo.privacy.accounts.Operator.authentication("cli:tests"));
        try {
            return work.get();
        } finally {
            security.setAuthentication(previous);
        }
    }

    private static Api.Response require(Api.Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    /** Up to 1,000 audit entries by {@code actor}, newest first, as an auditor reads them. */
    public static List<AuditEntry> trailOf(AuditReview review, String actor) {
        return as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.empty(),
                                Optional.of(actor),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                0,
                                1000)))
                .entries();
    }
}
