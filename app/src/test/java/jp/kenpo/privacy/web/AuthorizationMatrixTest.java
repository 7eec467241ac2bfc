package jp.kenpo.privacy.web;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.mynumber.MyNumberImport;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every role and anonymous: allowed or refused, as the table says. The table
 * must list exactly the endpoints the application serves, so a new endpoint without a row fails
 * here. An allowed call may be refused for its input (4xx) but never fail (5xx). Every refusal
 * must be in the audit trail. A member is allowed on a member's endpoints only for themselves and,
 * as an insured person, for their dependents ({@code household}: the member column, asked for the
 * dependent): asking for another member is refused and audited. The session of an account that
 * an officer has disabled since it signed in ({@code disabled}) is answered as if signed out: what
 * is public, and 401 for everything else. So is whatever a request with an API token left behind
 * ({@code tokensession}): a token request is stateless — it answers with no session cookie, and
 * the cookie a client holds from before its token was revoked is no way in.
 */
class AuthorizationMatrixTest extends DatabaseTest {

    private static final List<String> WHO = List.of(
            "anonymous", "officer", "clerk", "auditor", "system", "member", "household", "disabled", "tokensession");

    /** Endpoint, then who is allowed ({@code member}: a member acting for themselves). */
    private static final String MATRIX = """
            GET    /api/v1/notice                                anonymous officer clerk auditor system member
            GET    /api/v1/session                               anonymous officer clerk auditor system member
            POST   /api/v1/session                               anonymous officer clerk auditor member
            DELETE /api/v1/session                               anonymous officer clerk auditor member
            POST   /api/v1/account/password                      officer clerk auditor member
            POST   /api/v1/account/second-factor                 officer clerk auditor member
            POST   /api/v1/account/second-factor/confirm         officer clerk auditor member
            GET    /api/v1/openapi.json                          anonymous officer clerk auditor system member
            GET    /api/v1/openapi.json.yaml                     anonymous officer clerk auditor system member
            GET    /api/v1/docs                                  anonymous officer clerk auditor system member
            GET    /api/v1/catalog                               officer clerk auditor system member
            GET    /api/v1/catalog/versions                      officer clerk auditor system member
            GET    /api/v1/catalog/versions/{version}            officer clerk auditor system member
            POST   /api/v1/catalog/versions                      officer
            POST   /api/v1/members/import                        officer clerk
            GET    /api/v1/members                               officer clerk auditor
            GET    /api/v1/members/{key}                         officer clerk auditor member
            GET    /api/v1/members/{key}/consent                 officer clerk auditor member
            GET    /api/v1/members/{key}/consent-events          officer clerk auditor member
            POST   /api/v1/members/{key}/consent-events          officer clerk member
            GET    /api/v1/members/{key}/corrections             officer clerk auditor member
            GET    /api/v1/members/{key}/provisions              officer clerk auditor member
            POST   /api/v1/members/{key}/corrections             officer clerk
            GET    /api/v1/members/{key}/my-number               officer clerk
            GET    /api/v1/members/{key}/requests                officer clerk auditor member
            POST   /api/v1/requests                              officer clerk member
            GET    /api/v1/requests                              officer clerk auditor
            GET    /api/v1/requests/{id}                         officer clerk auditor
            POST   /api/v1/requests/{id}/verification            officer clerk
            POST   /api/v1/requests/{id}/decision                officer clerk
            POST   /api/v1/requests/{id}/answer                  officer clerk
            POST   /api/v1/my-numbers/reads                      clerk system
            POST   /api/v1/decisions                             officer clerk system
            POST   /api/v1/decisions/batch                       officer clerk system
            GET    /api/v1/ledger/verification                   officer auditor
            GET    /api/v1/recipients                            officer clerk auditor
            GET    /api/v1/recipients/{id}                       officer clerk auditor
            POST   /api/v1/recipients                            officer
            POST   /api/v1/recipients/{id}/end                   officer
            POST   /api/v1/recipients/{id}/review                officer
            POST   /api/v1/provisions                            officer clerk system
            POST   /api/v1/acquisitions                          officer clerk system
            POST   /api/v1/online-eligibility/imports            officer clerk system
            POST   /api/v1/records/purge                         officer
            GET    /api/v1/releases/publication                  anonymous officer clerk auditor system member
            GET    /api/v1/releases                              officer auditor
            GET    /api/v1/releases/{id}                         officer auditor
            POST   /api/v1/releases                              officer
            POST   /api/v1/releases/checks                       officer
            POST   /api/v1/releases/{id}/approval                officer
            POST   /api/v1/releases/{id}/delivery                officer
            GET    /api/v1/audit/entries                         officer auditor
            GET    /api/v1/audit/verification                    officer auditor
            POST   /api/v1/audit/verification                    officer auditor
            GET    /api/v1/audit/digest                          officer auditor
            GET    /api/v1/accounts                              officer
            POST   /api/v1/accounts                              officer
            POST   /api/v1/accounts/{name}/disable               officer
            POST   /api/v1/accounts/{name}/enable                officer
            POST   /api/v1/accounts/{name}/reset                 officer
            POST   /api/v1/accounts/{name}/tokens                officer
            DELETE /api/v1/accounts/{name}/tokens/{id}           officer
            """;

    /** Signing in and out are the security filters', not a controller's. */
    private static final Set<String> FILTER_ENDPOINTS = Set.of("POST /api/v1/session", "DELETE /api/v1/session");

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Autowired
    MemberImport memberImport;

    @Autowired
    AuditReview review;

    @Autowired
    MyNumberImport numberImport;

    @Autowired
    AccountService accountService;

    private static Map<String, Set<String>> matrix() {
        var rows = new LinkedHashMap<String, Set<String>>();
        MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] f = line.split("\\s+");
            var allowed = new java.util.HashSet<>(List.of(java.util.Arrays.copyOfRange(f, 2, f.length)));
            if (allowed.contains("member")) {
                allowed.add("household");
            }
            if (allowed.contains("anonymous")) {
                allowed.add("disabled");
                allowed.add("tokensession");
            }
            rows.put(f[0] + " " + f[1], Set.copyOf(allowed));
        });
        return rows;
    }

    @Test
    void theMatrixListsEveryEndpointTheApplicationServes() {
        var served = new TreeSet<String>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(m -> info.getPatternValues().stream()
                                .filter(p -> p.startsWith("/api/v1/"))
                                .filter(p -> !p.startsWith("/api/v1/openapi.json/"))
                                .forEach(p -> served.add(m + " " + p))));
        served.addAll(FILTER_ENDPOINTS);
        assertThat(new TreeSet<>(matrix().keySet())).isEqualTo(served);
    }

    @Test
    void everyEndpointForEveryRoleAndAnonymous() {
        var api = api();
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                memberImport,
                List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null),
                        TestMembers.insured(s, "2", "2020-04-01", null)));
        TestMembers.importRows(memberImport, List.of(TestMembers.dependent(s, "1", "01", "2021-04-01")));
        MemberKey own = MemberKey.parse(s + "-1-00");
        MemberKey dependent = MemberKey.parse(s + "-1-01");
        MemberKey other = MemberKey.parse(s + "-2-00");
        // a number on file, so that an allowed read reads it
        TestAccounts.operator(() -> numberImport.importCsv(
                new ByteArrayInputStream(("member,individual_number\n" + own + "," + TestNumbers.next() + "\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "matrix.csv",
                StandardCharsets.UTF_8));
        String tag = Long.toString(System.nanoTime(), 36);
        Map<String, String> names = Map.of(
                "officer",
                "mx-officer-" + tag,
                "clerk",
                "mx-clerk-" + tag,
                "auditor",
                "mx-auditor-" + tag,
                "system",
                "mx-system-" + tag,
                "member",
                "mx-member-" + tag,
                "household",
                "mx-household-" + tag,
                "disabled",
                "mx-disabled-" + tag);
        accounts().systemToken("mx-target-" + tag);
        var sessions = new LinkedHashMap<String, Api.Session>();
        // a browser that has opened a session (and so holds a CSRF token) but not signed in
        sessions.put("anonymous", api.anonymous().open());
        sessions.put(
                "officer",
                accounts().signedIn(api, accounts().person(api, names.get("officer"), Role.PRIVACY_OFFICER)));
        sessions.put("clerk", accounts().signedIn(api, accounts().person(api, names.get("clerk"), Role.CLERK)));
        sessions.put("auditor", accounts().signedIn(api, accounts().person(api, names.get("auditor"), Role.AUDITOR)));
        sessions.put("system", api.withToken(accounts().systemToken(names.get("system"))));
        sessions.put("member", accounts().signedIn(api, accounts().member(api, names.get("member"), own)));
        sessions.put("household", accounts().signedIn(api, accounts().member(api, names.get("household"), own)));
        // one session per endpoint, each signed in before the disable and first used after it (the first
        // request ends it); a member account, which signs in without a second factor, as often as needed
        var rows = matrix();
        var disabledPerson = accounts().member(api, names.get("disabled"), own);
        var disabled = new LinkedHashMap<String, Api.Session>();
        rows.keySet().forEach(endpoint -> disabled.put(endpoint, accounts().signedIn(api, disabledPerson)));
        assertThat(api.postJson("/api/v1/accounts/" + names.get("disabled") + "/disable", "officer", "{}")
                        .status())
                .isEqualTo(200);
        // whatever cookie a token request left, kept by a client whose token was then revoked
        String tokenSystem = "mx-tokensession-" + tag;
        var byToken = api.withToken(accounts().systemToken(tokenSystem));
        assertThat(byToken.get("/api/v1/catalog").status()).isEqualTo(200);
        assertThat(byToken.postJson("/api/v1/decisions", "{\"member\":\"" + own + "\",\"purpose\":\"3.8\"}")
                        .status())
                .isEqualTo(200);
        TestAccounts.operator(() -> accountService.revokeToken(
                tokenSystem, accountService.require(tokenSystem).tokens().get(0).id()));
        sessions.put(
                "tokensession", (byToken.cookie() == null ? api.anonymous() : api.withCookie(byToken.cookie())).open());

        var failures = new ArrayList<String>();
        var refusals = new LinkedHashMap<String, Integer>();
        var unauthenticated = new ArrayList<String>();
        Instant started = Instant.now();
        // signing out last: it ends the session the other rows use
        var order = new ArrayList<>(rows.keySet());
        order.remove("DELETE /api/v1/session");
        order.add("DELETE /api/v1/session");
        for (String endpoint : order) {
            for (String who : WHO) {
                boolean allowed = rows.get(endpoint).contains(who);
                Api.Session session = who.equals("disabled") ? disabled.get(endpoint) : sessions.get(who);
                Api.Response r = call(session, endpoint, who.equals("household") ? dependent : own, tag);
                boolean refused = r.status() == 403
                        || (r.status() == 401 && !endpoint.equals("POST /api/v1/session"))
                        || (endpoint.equals("POST /api/v1/session") && r.body().contains("Sign-in required"));
                boolean signedIn = !who.equals("anonymous") && !who.equals("disabled") && !who.equals("tokensession");
                if (who.equals("system")
                        && r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("KENPO_SESSION"))) {
                    failures.add(endpoint + " as system: a request with an API token answered with a session cookie");
                }
                if (allowed == refused) {
                    failures.add(endpoint + " as " + who + ": expected " + (allowed ? "allowed" : "refused") + ", got "
                            + r.status() + " "
                            + r.body().substring(0, Math.min(200, r.body().length())));
                }
                if (allowed && r.status() >= 500) {
                    failures.add(endpoint + " as " + who + ": allowed, but failed with " + r.status() + " "
                            + r.body().substring(0, Math.min(200, r.body().length())));
                }
                if (!allowed && signedIn && r.status() != 403) {
                    failures.add(
                            endpoint + " as " + who + ": a refusal of a signed-in caller is 403, got " + r.status());
                }
                if (!allowed && !signedIn && r.status() != 401) {
                    failures.add(
                            endpoint + " as " + who + ": a refusal without a live session is 401, got " + r.status());
                }
                if (!allowed && signedIn) {
                    refusals.merge(who, 1, Integer::sum);
                }
                if (!allowed && !signedIn) {
                    unauthenticated.add(path(endpoint, who.equals("household") ? dependent : own, tag) + ": "
                            + (who.equals("disabled")
                                    ? "the session has ended: sign-in required"
                                    : "sign-in required"));
                }
            }
        }
        assertThat(failures).isEmpty();

        // every refusal of a signed-in caller is in the trail
        refusals.forEach((who, count) -> {
            var refusedEntries = trail(names.get(who)).stream()
                    .filter(e -> e.outcome() == AuditOutcome.REFUSED)
                    .toList();
            assertThat(refusedEntries).as("refusals of " + who).hasSize(count);
        });

        // and every refusal of a caller without a live session, one entry each
        var signInRequired = as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.empty(),
                                Optional.of("(nobody signed in)"),
                                Optional.of(AuditAction.ACCESS_REFUSED),
                                Optional.of(started),
                                Optional.empty(),
                                0,
                                1000)))
                .entries();
        assertThat(signInRequired).extracting(AuditEntry::detail).containsExactlyInAnyOrderElementsOf(unauthenticated);

        // a member asking for another member's data: refused, and audited naming that member
        var member = accounts().signedIn(api, accounts().member(api, "mx-member2-" + tag, own));
        for (String endpoint : rows.keySet()) {
            if (endpoint.contains("{key}")) {
                assertThat(call(member, endpoint, other, tag).status())
                        .as(endpoint + " for another member")
                        .isEqualTo(403);
            }
        }
        var theirs = trail("mx-member2-" + tag).stream()
                .filter(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .toList();
        assertThat(theirs)
                .hasSize((int)
                        rows.keySet().stream().filter(e -> e.contains("{key}")).count())
                .allSatisfy(e -> {
                    assertThat(e.members()).containsExactly(other.toString());
                    assertThat(e.role()).isEqualTo("MEMBER");
                });
    }

    /** The endpoint's method and the path the test calls it at. */
    private static String path(String endpoint, MemberKey key, String tag) {
        return endpoint.replace("{key}", key.toString())
                .replace("{version}", "1")
                .replace("{name}", "mx-target-" + tag)
                .replace("{id}", "1");
    }

    private List<AuditEntry> trail(String actor) {
        return TestAccounts.trailOf(review, actor);
    }

    /**
     * A request each endpoint can take without changing anything that matters to other tests: a valid
     * one where that is cheap (decisions, consent events of the test's own member, an import of one
     * more synthetic member, a number read of the test's own member, a correction of the test's own member's
     * name (which the second allowed caller finds already made: 400), the account endpoints on a SYSTEM
     * account of the test's own), so that an allowed call runs its endpoint's real work; else a 4xx
     * for bad input.
     */
    private static Api.Response call(Api.Session s, String endpoint, MemberKey key, String tag) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = path(endpoint, key, tag).substring(method.length() + 1);
        return switch (endpoint) {
            case "POST /api/v1/session" ->
                s.post(path, "application/x-www-form-urlencoded", "username=matrix-nobody&password=not+a+password");
            case "POST /api/v1/catalog/versions" -> s.post(path, "application/yaml", "version: 1");
            case "POST /api/v1/members/import" ->
                s.post(
                        path,
                        "text/csv",
                        TestMembers.csv(List.of(TestMembers.insured(key.symbol(), "9", "2020-04-01", null))));
            case "POST /api/v1/members/{key}/consent-events" ->
                s.postJson(path, "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"PAPER\"}");
            case "POST /api/v1/members/{key}/corrections" ->
                s.postJson(path, "{\"nameKanji\":\"試験 一郎\",\"reason\":\"matrix\"}");
            case "POST /api/v1/audit/verification" -> s.post(path, "text/plain", "not a digest");
            case "POST /api/v1/acquisitions" ->
                s.post(
                        path + "?provider=MATRIX-NOBODY&purpose=3.2&obtainedHow=matrix",
                        "text/csv",
                        "member\n" + key + "\n");
            case "POST /api/v1/online-eligibility/imports" ->
                // a list without the layout's header: a 422 before anything is stored
                s.post(path, "text/csv", "member\n" + key + "\n");
            case "POST /api/v1/records/purge" ->
                // no record's retention ended before 1900: deletes nothing, audited all the same
                s.post(path + "?before=1900-01-01", "text/plain", "");
            case "POST /api/v1/provisions" ->
                // no recipient named: a 400 before the run (whose own refusals are audited as such)
                s.post(path + "?purpose=3.8", "text/csv", "member\n" + key + "\n");
            case "POST /api/v1/my-numbers/reads" ->
                s.postJson(path, "{\"member\":\"" + key + "\",\"purpose\":\"1.3\"}");
            case "POST /api/v1/decisions" -> s.postJson(path, "{\"member\":\"" + key + "\",\"purpose\":\"3.8\"}");
            case "POST /api/v1/decisions/batch" ->
                s.postJson(path, "{\"purpose\":\"3.8\",\"members\":[\"" + key + "\"]}");
            case "POST /api/v1/accounts" -> s.postJson(path, "{\"name\":\"mx-new-" + tag + "\",\"role\":\"AUDITOR\"}");
            case "POST /api/v1/accounts/{name}/tokens" -> s.postJson(path, "{\"label\":\"matrix\",\"days\":1}");
            default ->
                switch (method) {
                    case "GET" -> s.get(path);
                    case "DELETE" -> s.delete(path);
                    default -> s.postJson(path, "{}");
                };
        };
    }
}
