package jp.kenpo.privacy.accounts;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Signing in over HTTP: one-time passwords, second factor, lock-out, CSRF, sign-out, API tokens. */
class SignInTest extends DatabaseTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AuditReview review;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MemberImport memberImport;

    private List<AuditEntry> trailOf(String actor) {
        return TestAccounts.trailOf(review, actor);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void theFirstStartMadeOneOfficerWhoMustChooseAPassword() {
        Account first = accounts.require("first-officer");
        assertThat(first.role()).isEqualTo(Role.PRIVACY_OFFICER);
        assertThat(first.passwordChangeRequired()).isTrue();
        assertThat(first.secondFactor()).isFalse();
        assertThat(accounts.createFirstOfficer())
                .as("only on an empty database")
                .isEmpty();
    }

    @Test
    void aOneTimePasswordOpensOnlyTheAccountSetup() {
        var api = api();
        var created =
                api.postJson("/api/v1/accounts", "officer", Api.json(Map.of("name", unique("clerk"), "role", "CLERK")));
        assertThat(created.status()).isEqualTo(201);
        String name = created.json().get("account").get("name").asString();
        String oneTime = created.json().get("oneTimePassword").asString();
        assertThat(created.json().get("account").has("passwordHash")).isFalse();

        var s = api.anonymous();
        var signedIn = s.signIn(name, oneTime, null);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().get("setupRequired").toString())
                .contains("CHANGE_PASSWORD")
                .contains("ENROL_SECOND_FACTOR");
        assertThat(s.get("/api/v1/members").status()).as("no role until set up").isEqualTo(403);
        assertThat(s.postJson(
                                "/api/v1/account/password",
                                Api.json(Map.of("currentPassword", oneTime, "newPassword", "short")))
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("newPassword");
        assertThat(s.postJson(
                                "/api/v1/account/password",
                                Api.json(Map.of("currentPassword", oneTime, "newPassword", "a long enough passphrase")))
                        .status())
                .isEqualTo(204);
        assertThat(s.get("/api/v1/session").json().get("signedIn").asBoolean())
                .as("the step ended the session")
                .isFalse();
        assertThat(s.signIn(name, oneTime, null).status()).as("one time only").isEqualTo(401);
    }

    @Test
    void staffSignInWithTheSecondFactorAndEachCodeWorksOnce() {
        var api = api();
        TestAccounts.Person p = accounts().person(api, unique("auditor"), Role.AUDITOR);

        assertThat(api.anonymous().signIn(p.name, p.password, null).status())
                .as("no code")
                .isEqualTo(401);
        assertThat(api.anonymous().signIn(p.name, p.password, p.wrongCode()).status())
                .as("wrong code")
                .isEqualTo(401);
        String code = p.nextCode();
        var s = api.anonymous();
        assertThat(s.signIn(p.name, p.password, code).json().get("role").asString())
                .isEqualTo("AUDITOR");
        assertThat(s.get("/api/v1/members").status()).isEqualTo(200);
        var again = api.anonymous().signIn(p.name, p.password, code);
        assertThat(again.status()).as("the same code again").isEqualTo(401);
        assertThat(again.json().get("detail").asString()).contains("wait for the next code");

        assertThat(trailOf(p.name))
                .extracting(AuditEntry::detail)
                .contains(
                        "sign-in refused: second factor code missing",
                        "sign-in refused: wrong second factor code",
                        "sign-in refused: second factor code used already",
                        "signed in with password and second factor");
    }

    @Test
    void theCodeThatConfirmedTheEnrolmentCannotSignInAndTheRefusalSaysToWaitForTheNext() {
        var api = api();
        TestAccounts.Person p = accounts().person(api, unique("clerk"), Role.CLERK);

        var replayed = api.anonymous().signIn(p.name, p.password, p.lastUsedCode());
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("detail").asString())
                .contains("used already")
                .contains("wait for the next code")
                .doesNotContain("sign-in failed");

        var wrongPassword = api.anonymous().signIn(p.name, "not the password", p.lastUsedCode());
        assertThat(wrongPassword.json().get("detail").asString())
                .as("says nothing without the password")
                .isEqualTo("sign-in failed; after repeated failures the account is locked for a while");
        assertThat(api.anonymous().signIn(p.name, p.password, p.nextCode()).status())
                .isEqualTo(200);
    }

    @Test
    void anAccountWhoseSetUpIsUnfinishedIsToldTheStepThatRemains() {
        var api = api();
        String name = unique("clerk");
        var created = api.postJson("/api/v1/accounts", "officer", Api.json(Map.of("name", name, "role", "CLERK")));
        String oneTime = created.json().get("oneTimePassword").asString();
        var s = api.anonymous();
        s.signIn(name, oneTime, null);

        var first = s.get("/api/v1/members");
        assertThat(first.status()).isEqualTo(403);
        assertThat(first.json().get("title").asString()).isEqualTo("Account set-up not finished");
        assertThat(first.json().get("detail").asString())
                .contains("choose your own password")
                .contains("POST /api/v1/account/password")
                .contains("enrol an authenticator app")
                .doesNotContain("not allowed");

        String password = "a long enough passphrase";
        s.postJson("/api/v1/account/password", Api.json(Map.of("currentPassword", oneTime, "newPassword", password)));
        var again = api.anonymous();
        again.signIn(name, password, null);
        var second = again.get("/api/v1/members");
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.json().get("detail").asString())
                .contains("enrol an authenticator app")
                .contains("POST /api/v1/account/second-factor")
                .doesNotContain("password");
    }

    @Test
    void startingAnEnrolmentIsAuditedWithoutItsSecret() {
        var api = api();
        TestAccounts.Person p = accounts().person(api, unique("auditor"), Role.AUDITOR);
        var trail = trailOf(p.name);
        assertThat(trail)
                .filteredOn(e -> e.action() == AuditAction.SECOND_FACTOR_STARTED
                        || e.action() == AuditAction.SECOND_FACTOR_ENROLLED)
                .extracting(e -> e.action() + " " + e.detail())
                .containsExactly(
                        "SECOND_FACTOR_STARTED account " + p.name + ": enrolment started, a new secret issued",
                        "SECOND_FACTOR_ENROLLED account " + p.name);
        assertThat(trail).allSatisfy(e -> assertThat(e.detail()).doesNotContain(p.totpSecret));
    }

    /** Refusals with 401 are audited, one entry a request, for the API's protected endpoints only. */
    @Test
    void aRequestRefusedForWantOfASignInIsAuditedUnderTheApiOnly() {
        var api = api();
        MemberKey key = TestMembers.register(memberImport);
        var member = accounts().signedIn(api, accounts().member(api, unique("m"), key));
        Instant from = Instant.now();
        for (String publicOrElsewhere :
                List.of("/api/v1/notice", "/api/v1/session", "/favicon.ico", "/index.html", "/static/app.js")) {
            assertThat(api.anonymous().get(publicOrElsewhere).status())
                    .as(publicOrElsewhere)
                    // a path no page answers is the not-found page, which needs no sign-in
                    .isIn(200, 401, 404);
        }
        assertThat(api.anonymous()
                        .signIn(unique("nobody"), "not a password", null)
                        .status())
                .isEqualTo(401);
        assertThat(api.anonymous().get("/api/v1/members/" + key).status()).isEqualTo(401);
        assertThat(api.anonymous().postJson("/api/v1/decisions", "{}").status()).isEqualTo(401);
        assertThat(member.delete("/api/v1/session").status()).isEqualTo(204);
        assertThat(member.get("/api/v1/members/" + key).status())
                .as("with the cookie of the ended session")
                .isEqualTo(401);

        var refusals = as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.empty(),
                                Optional.of("(nobody signed in)"),
                                Optional.of(AuditAction.ACCESS_REFUSED),
                                Optional.of(from),
                                Optional.empty(),
                                0,
                                100)))
                .entries();
        assertThat(refusals)
                .extracting(e -> e.outcome() + " " + e.members() + " " + e.detail())
                .containsExactly(
                        "REFUSED [" + key + "] GET /api/v1/members/" + key + ": sign-in required",
                        "REFUSED [] POST /api/v1/decisions: sign-in required",
                        "REFUSED [" + key + "] GET /api/v1/members/" + key
                                + ": the session has ended: sign-in required");
    }

    @Test
    void signingInGivesTheSessionANewId() {
        var api = api();
        MemberKey key = TestMembers.register(memberImport);
        TestAccounts.Person p = accounts().member(api, unique("m"), key);
        var s = api.anonymous().open();
        String before = s.cookie();
        assertThat(before).startsWith("KENPO_SESSION=");
        assertThat(s.signIn(p.name, p.password, null).status()).isEqualTo(200);
        assertThat(s.cookie()).as("session fixation (OWASP ASVS 3.2.1)").isNotEqualTo(before);
        assertThat(s.get("/api/v1/members/" + key).status()).isEqualTo(200);
        var planted = api.withCookie(before);
        assertThat(planted.get("/api/v1/members/" + key).status())
                .as("the id known before sign-in")
                .isEqualTo(401);
    }

    /**
     * The idle timeout is the servlet container's, set from KENPO_SESSION_IDLE; the container counts
     * it in whole minutes, so the test shortens this one session's to a second rather than wait.
     */
    @Test
    void aSessionIdleLongerThanItsTimeoutEnds() throws Exception {
        var api = api();
        MemberKey key = TestMembers.register(memberImport);
        var s = accounts().signedIn(api, accounts().member(api, unique("m"), key));
        assertThat(s.get("/api/v1/members/" + key).status()).isEqualTo(200);
        var tomcat = ((TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer()).getTomcat();
        var manager = ((org.apache.catalina.Context) tomcat.getHost().findChildren()[0]).getManager();
        var session = manager.findSession(s.cookie().substring("KENPO_SESSION=".length()))
                .getSession();
        assertThat(session.getMaxInactiveInterval())
                .as("KENPO_SESSION_IDLE of the test profile, 2h")
                .isEqualTo(7200);

        session.setMaxInactiveInterval(1);
        Thread.sleep(2_000);
        assertThat(s.get("/api/v1/members/" + key).status())
                .as("idle for longer than its timeout")
                .isEqualTo(401);
        assertThat(trailOf("(nobody signed in)"))
                .extracting(AuditEntry::detail)
                .contains("GET /api/v1/members/" + key + ": the session has ended: sign-in required");
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnOfficerResetsIt() {
        var api = api();
        TestAccounts.Person p = accounts().person(api, unique("clerk"), Role.CLERK);
        for (int i = 0; i < 5; i++) {
            var r = api.anonymous().signIn(p.name, "not the password", p.wrongCode());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("detail").asString())
                    .isEqualTo("sign-in failed; after repeated failures the account is locked for a while");
        }
        assertThat(api.anonymous().signIn(p.name, p.password, p.nextCode()).status())
                .as("locked")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/accounts", "officer").body())
                .contains("\"name\":\"" + p.name + "\"")
                .contains("lockedUntil");
        assertThat(trailOf(p.name))
                .extracting(AuditEntry::detail)
                .anyMatch(d -> d.contains("5 failures in a row: locked until"))
                .anyMatch(d -> d.startsWith("sign-in refused: the account is locked until"));

        // the holder also lost their phone: the reset removes the authenticator, to be enrolled anew
        var reset = api.postJson("/api/v1/accounts/" + p.name + "/reset", "officer", "{\"secondFactor\":true}")
                .json();
        var s = api.anonymous();
        assertThat(s.signIn(p.name, reset.get("oneTimePassword").asString(), null)
                        .json()
                        .get("setupRequired")
                        .toString())
                .contains("CHANGE_PASSWORD")
                .contains("ENROL_SECOND_FACTOR");
        assertThat(trailOf("officer"))
                .extracting(AuditEntry::detail)
                .contains("account " + p.name + ": new one-time password, unlocked, second factor removed");
    }

    @Test
    void aRefusalDoesNotSayWhetherTheAccountExists() {
        var api = api();
        var unknown =
                api.anonymous().signIn("nobody-" + Long.toString(System.nanoTime(), 36), "whatever password", "123456");
        var wrong = api.anonymous().signIn("first-officer", "whatever password", "123456");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(trailOf("first-officer")).extracting(AuditEntry::detail).contains("sign-in refused: wrong password");
    }

    @Test
    void changesNeedTheSessionsCsrfTokenAndRefusalsAreAudited() {
        var api = api();
        TestAccounts.Person p = accounts().person(api, unique("clerk"), Role.CLERK);
        var s = accounts().signedIn(api, p);
        var forged = s.postWithoutCsrf(
                "/api/v1/decisions", "application/json", "{\"member\":\"A-1-00\",\"purpose\":\"3.8\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).isEqualTo("missing or wrong CSRF token");
        assertThat(s.postJson("/api/v1/decisions", "{\"member\":\"A-1-00\",\"purpose\":\"3.8\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.anonymous()
                        .postWithoutCsrf(
                                "/api/v1/session",
                                "application/x-www-form-urlencoded",
                                "username=" + p.name + "&password=x")
                        .status())
                .as("login CSRF")
                .isEqualTo(403);
        assertThat(trailOf(p.name))
                .filteredOn(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .extracting(AuditEntry::detail)
                .containsExactly("POST /api/v1/decisions: missing or wrong CSRF token");

        assertThat(s.delete("/api/v1/session").status()).isEqualTo(204);
        assertThat(s.get("/api/v1/members").status()).isEqualTo(401);
        assertThat(trailOf(p.name)).extracting(AuditEntry::action).contains(AuditAction.SIGN_OUT);
    }

    @Test
    void apiTokensAreForOtherSystemsOnlyAndStopWhenRevokedExpiredOrDisabled() {
        var api = api();
        String name = unique("benefits");
        assertThat(api.postJson("/api/v1/accounts", "officer", Api.json(Map.of("name", name, "role", "SYSTEM")))
                        .json()
                        .has("oneTimePassword"))
                .as("a SYSTEM account has no password")
                .isFalse();
        var issued =
                api.postJson("/api/v1/accounts/" + name + "/tokens", "officer", "{\"label\":\"benefits\",\"days\":30}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        long id = issued.json().get("id").asLong();
        assertThat(token).startsWith("kenpo_");
        assertThat(api.get("/api/v1/accounts", "officer").body()).doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class, token))
                .as("only its hash is stored")
                .isZero();

        var system = api.withToken(token);
        assertThat(system.postJson("/api/v1/decisions", "{\"member\":\"A-1-00\",\"purpose\":\"3.8\"}")
                        .status())
                .isEqualTo(200);
        assertThat(system.get("/api/v1/members").status()).isEqualTo(403);
        assertThat(api.withToken(token + "x").get("/api/v1/catalog").status()).isEqualTo(401);
        assertThat(api.anonymous().signIn(name, "anything at all", null).status())
                .as("no password sign-in")
                .isEqualTo(401);

        jdbc.update(
                "update api_token set expires_at = ? where id = ?",
                OffsetDateTime.now().minusMinutes(1),
                id);
        assertThat(system.get("/api/v1/catalog").status()).as("expired").isEqualTo(401);
        jdbc.update(
                "update api_token set expires_at = ? where id = ?",
                OffsetDateTime.now().plusDays(1),
                id);
        assertThat(api.postJson("/api/v1/accounts/" + name + "/disable", "officer", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(system.get("/api/v1/catalog").status()).as("disabled").isEqualTo(401);
        assertThat(api.postJson("/api/v1/accounts/" + name + "/enable", "officer", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(system.get("/api/v1/catalog").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/accounts/" + name + "/tokens/" + id, "officer")
                        .status())
                .isEqualTo(200);
        assertThat(system.get("/api/v1/catalog").status()).as("revoked").isEqualTo(401);

        assertThat(trailOf(name))
                .extracting(AuditEntry::detail)
                .contains(
                        "sign-in refused: API token #" + id + " was revoked",
                        "sign-in refused: the account is disabled")
                .anyMatch(d -> d.startsWith("sign-in refused: API token #" + id + " expired on"));
        assertThat(api.postJson("/api/v1/accounts/first-officer/tokens", "officer", "{}")
                        .json()
                        .get("detail")
                        .asString())
                .contains("API tokens are for SYSTEM accounts");
    }

    @Test
    void securityHeadersAndTheSessionCookie() {
        var api = api();
        var r = api.anonymous().get("/api/v1/session");
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Strict-Transport-Security"))
                .as("only over TLS")
                .isEmpty();
        assertThat(api.anonymous()
                        .get("/api/v1/session", "X-Forwarded-Proto", "https")
                        .headers()
                        .firstValue("Strict-Transport-Security"))
                .as("a client's claim, with no proxy configured")
                .isEmpty();
        assertThat(r.headers().allValues("Set-Cookie"))
                .noneSatisfy(c -> assertThat(c).contains("Secure"));
        assertThat(r.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("KENPO_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Strict"));
        assertThat(api.get("/api/v1/members", "clerk").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void aMemberSeesTheirOwnAndTheirDependentsDataOnly() {
        var api = api();
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                memberImport,
                List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null),
                        TestMembers.dependent(s, "1", "01", "2021-04-01"),
                        TestMembers.insured(s, "2", "2020-04-01", null)));
        var parent = accounts().signedIn(api, accounts().member(api, unique("m"), MemberKey.parse(s + "-1-00")));
        var child = accounts().signedIn(api, accounts().member(api, unique("m"), MemberKey.parse(s + "-1-01")));

        assertThat(parent.get("/api/v1/members/" + s + "-1-00").status()).isEqualTo(200);
        assertThat(parent.get("/api/v1/members/" + s + "-1-01/consent").status())
                .as("their dependent")
                .isEqualTo(200);
        assertThat(parent.get("/api/v1/members/" + s + "-2-00").status())
                .as("another household")
                .isEqualTo(403);
        assertThat(child.get("/api/v1/members/" + s + "-1-00").status())
                .as("a dependent for the insured")
                .isEqualTo(403);
        var filed = parent.postJson(
                "/api/v1/members/" + s + "-1-01/consent-events",
                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"}");
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().get("channel").asString())
                .as("online, whatever the request said")
                .isEqualTo("PORTAL");
        assertThat(filed.json().get("filedBy").asString()).isEqualTo("INSURED_PERSON");
        assertThat(child.get("/api/v1/members").status()).isEqualTo(403);
        assertThat(child.get("/api/v1/members/" + s + "-1-01/my-number").status())
                .isEqualTo(403);

        var refusals = as(
                "auditor",
                Role.AUDITOR,
                () -> review.search(new AuditQuery(
                        Optional.of(s + "-2-00"),
                        Optional.empty(),
                        Optional.of(AuditAction.ACCESS_REFUSED),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        10)));
        assertThat(refusals.entries()).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("MEMBER");
            assertThat(e.detail()).isEqualTo("GET /api/v1/members/" + s + "-2-00: not allowed for this account");
        });
    }

    @Test
    void validApiTokensDoNotUseUpTheSignInThrottleButRefusedOnesDo() {
        // the shipped limit, not the test profile's, which lifts it because every test signs in from 127.0.0.1
        SecurityPolicy shipped = new Binder().bindOrCreate("kenpo.security", SecurityPolicy.class);
        assertThat(shipped.signInsPerMinute()).isEqualTo(30);
        var oneMinute =
                Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(1), ZoneOffset.UTC);
        var service = new SignInService(
                jdbc,
                context.getBean(AccountRows.class),
                context.getBean(PasswordEncoder.class),
                context.getBean(AuditTrail.class),
                shipped,
                oneMinute,
                new LockOut(jdbc, shipped));
        String token = accounts().systemToken(unique("premiums"));
        String system = "192.0.2.40";

        for (int i = 1; i <= 40; i++) {
            assertThat(service.authenticateToken(token, system))
                    .as("request " + i + " of the minute")
                    .isInstanceOf(SignInService.Success.class);
        }
        String guesser = "192.0.2.41";
        for (int i = 1; i <= 30; i++) {
            assertThat(service.authenticateToken("kenpo_guess" + i, guesser))
                    .isEqualTo(new SignInService.Refused(false));
        }
        assertThat(service.authenticateToken("kenpo_guess31", guesser)).isEqualTo(new SignInService.Refused(true));
        assertThat(service.authenticateToken(token, guesser))
                .as("an address that used up its attempts waits, whatever it sends")
                .isEqualTo(new SignInService.Refused(true));
        assertThat(service.authenticateToken(token, system)).isInstanceOf(SignInService.Success.class);
    }

    @Test
    void disablingOrResettingAnAccountOrChangingItsPasswordEndsItsOpenSessions() {
        var api = api();
        TestAccounts.Person clerk = accounts().person(api, unique("clerk"), Role.CLERK);
        var session = accounts().signedIn(api, clerk);
        assertThat(session.get("/api/v1/members").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/accounts/" + clerk.name + "/disable", "officer", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(session.get("/api/v1/members").status())
                .as("the next request after the disable")
                .isEqualTo(401);
        assertThat(api.postJson("/api/v1/accounts/" + clerk.name + "/enable", "officer", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(session.postJson("/api/v1/decisions", "{\"member\":\"A-1-00\",\"purpose\":\"3.8\"}")
                        .status())
                .as("enabled again, the ended session stays ended")
                .isEqualTo(401);
        assertThat(trailOf(clerk.name))
                .extracting(AuditEntry::detail)
                .contains("session ended: the account was disabled");

        // members sign in without a second factor: as many sessions as the test needs
        MemberKey key = TestMembers.register(memberImport);
        TestAccounts.Person member = accounts().member(api, unique("m"), key);
        var beforeReset = accounts().signedIn(api, member);
        assertThat(beforeReset.get("/api/v1/members/" + key).status()).isEqualTo(200);
        var reset = api.postJson("/api/v1/accounts/" + member.name + "/reset", "officer", "{\"secondFactor\":true}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(beforeReset.get("/api/v1/members/" + key).status())
                .as("after a reset")
                .isEqualTo(401);

        var holder = accounts()
                .setUp(api, member.name, reset.json().get("oneTimePassword").asString(), false);
        var phone = accounts().signedIn(api, holder);
        var laptop = accounts().signedIn(api, holder);
        assertThat(laptop.postJson(
                                "/api/v1/account/password",
                                Api.json(Map.of(
                                        "currentPassword", holder.password, "newPassword", "another long passphrase")))
                        .status())
                .isEqualTo(204);
        assertThat(phone.get("/api/v1/members/" + key).status())
                .as("another session after a password change")
                .isEqualTo(401);
        assertThat(api.anonymous()
                        .signIn(member.name, "another long passphrase", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMemberFilesOnlineAndOnTheDayItArrives() {
        var api = api();
        MemberKey key = TestMembers.register(memberImport);
        var member = accounts().signedIn(api, accounts().member(api, unique("m"), key));
        String path = "/api/v1/members/" + key + "/consent-events";
        String today = SocietyTime.dateOf(Instant.now()).toString();

        var backDated =
                member.postJson(path, "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"receivedOn\":\"2020-04-01\"}");
        assertThat(backDated.status()).isEqualTo(400);
        assertThat(backDated.json().get("field").asString()).isEqualTo("receivedOn");
        assertThat(backDated.json().get("detail").asString()).contains("received today (" + today);
        var dated =
                member.postJson(path, "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"receivedOn\":\"" + today + "\"}");
        assertThat(dated.status()).isEqualTo(201);
        var undated = member.postJson(path, "{\"action\":\"GIVE\",\"purpose\":\"3.8\"}");
        assertThat(undated.status()).isEqualTo(201);
        assertThat(undated.json().get("receivedOn").asString()).isEqualTo(today);
        assertThat(api.postJson(
                                path,
                                "clerk",
                                "{\"action\":\"LIFT\",\"purpose\":\"3.8\",\"channel\":\"PAPER\","
                                        + "\"receivedOn\":\"2026-01-10\"}")
                        .status())
                .as("the society records a paper form on its date")
                .isEqualTo(201);
    }

    @Test
    void guessingTheCurrentPasswordCountsTowardsLockOutAndIsAudited() {
        var api = api();
        TestAccounts.Person p = accounts().person(api, unique("clerk"), Role.CLERK);
        var taken = accounts().signedIn(api, p);
        for (int i = 1; i <= 5; i++) {
            var r = taken.postJson(
                    "/api/v1/account/password",
                    Api.json(
                            Map.of("currentPassword", "guess number " + i, "newPassword", "a long enough passphrase")));
            assertThat(r.status()).as("guess " + i).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("currentPassword");
        }
        assertThat(taken.get("/api/v1/members").status())
                .as("the lock ended the session that guessed")
                .isEqualTo(401);
        assertThat(api.anonymous().signIn(p.name, p.password, p.nextCode()).status())
                .as("locked")
                .isEqualTo(401);
        assertThat(trailOf(p.name))
                .filteredOn(e -> e.action() == AuditAction.PASSWORD_CHANGED
                        && e.outcome() == jp.kenpo.privacy.audit.AuditOutcome.FAILED)
                .extracting(AuditEntry::detail)
                .hasSize(5)
                .contains("account " + p.name + ": password change refused: wrong current password; 1 failure in a row")
                .anyMatch(d -> d.contains("5 failures in a row: locked until"));
    }

    @Test
    void aWrongCodeWhenEnrollingASecondFactorCountsTowardsLockOut() {
        var api = api();
        String name = unique("auditor");
        String oneTime = TestAccounts.operator(() -> accounts.create(name, Role.AUDITOR, Optional.empty()))
                .oneTimePassword()
                .orElseThrow();
        var first = api.anonymous();
        assertThat(first.signIn(name, oneTime, null).status()).isEqualTo(200);
        assertThat(first.postJson(
                                "/api/v1/account/password",
                                Api.json(Map.of("currentPassword", oneTime, "newPassword", "a long enough passphrase")))
                        .status())
                .isEqualTo(204);
        var enrolling = api.anonymous();
        assertThat(enrolling.signIn(name, "a long enough passphrase", null).status())
                .isEqualTo(200);
        assertThat(enrolling.postJson("/api/v1/account/second-factor", "{}").status())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(enrolling
                            .postJson("/api/v1/account/second-factor/confirm", "{\"code\":\"00000" + i + "\"}")
                            .status())
                    .isIn(400, 401);
        }
        assertThat(accounts.require(name).lockedUntil()).as("locked").isPresent();
        assertThat(trailOf(name))
                .filteredOn(e -> e.action() == AuditAction.SECOND_FACTOR_ENROLLED)
                .extracting(AuditEntry::detail)
                .anyMatch(d -> d.contains("enrolment refused: wrong code; 1 failure in a row"))
                .anyMatch(d -> d.contains("locked until"));
    }

    @Test
    void aOneTimePasswordStopsWorkingAfterItsFirstUse() {
        var api = api();
        String name = unique("clerk");
        String oneTime = TestAccounts.operator(() -> accounts.create(name, Role.CLERK, Optional.empty()))
                .oneTimePassword()
                .orElseThrow();
        var setup = api.anonymous();
        assertThat(setup.signIn(name, oneTime, null).status()).isEqualTo(200);
        assertThat(api.anonymous().signIn(name, oneTime, null).status())
                .as("before setup ends, too")
                .isEqualTo(401);
        assertThat(trailOf(name))
                .extracting(AuditEntry::detail)
                .contains("sign-in refused: the one-time password was used before; an officer's reset gives a new one");

        // the setup session it opened goes on, and refuses an obvious password
        var obvious = setup.postJson(
                "/api/v1/account/password",
                Api.json(Map.of("currentPassword", oneTime, "newPassword", "password1234")));
        assertThat(obvious.status()).isEqualTo(400);
        assertThat(obvious.json().get("field").asString()).isEqualTo("newPassword");
        assertThat(setup.postJson(
                                "/api/v1/account/password",
                                Api.json(Map.of("currentPassword", oneTime, "newPassword", "a long enough passphrase")))
                        .status())
                .isEqualTo(204);
        var reset = TestAccounts.operator(() -> accounts.reset(name, false))
                .oneTimePassword()
                .orElseThrow();
        assertThat(api.anonymous().signIn(name, reset, null).status())
                .as("a reset gives a fresh one")
                .isEqualTo(200);
    }

    @Test
    void aRequestWithAnApiTokenKeepsNoSession() {
        var api = api();
        String name = unique("benefits");
        String token = accounts().systemToken(name);
        var system = api.withToken(token);
        var r = system.postJson("/api/v1/decisions", "{\"member\":\"A-1-00\",\"purpose\":\"3.8\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie"))
                .as("no session, no cookie")
                .isEmpty();

        // a signed-in person's cookie sent along with a token does not make the token a session either
        var clerk = api.as("clerk");
        var both = api.withToken(token)
                .exchange(
                        "GET",
                        "/api/v1/members",
                        null,
                        java.net.http.HttpRequest.BodyPublishers.noBody(),
                        Map.of("Cookie", clerk.cookie()),
                        false);
        assertThat(both.status())
                .as("the token alone says who calls: SYSTEM may not list members")
                .isEqualTo(403);
        assertThat(clerk.get("/api/v1/members").status())
                .as("and the clerk's session is untouched")
                .isEqualTo(200);
    }
}
