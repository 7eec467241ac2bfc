package jp.kenpo.privacy.pages;

import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.requests.NewRequest;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestKind;
import jp.kenpo.privacy.requests.RequestState;
import jp.kenpo.privacy.requests.Requester;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Over plain HTTP: who may reach the record and request pages (the API's roles), that every
 * refusal is audited, and what a path nothing answers gets — the not-found page for people, JSON
 * under {@code /api/}.
 */
class RecordPageSecurityTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

    @Autowired
    RequestDesk desk;

    @Autowired
    AuditReview review;

    private RightsRequest filed(MemberKey member) {
        return operator(() -> desk.file(
                new NewRequest(
                        member,
                        RequestKind.NOTIFY_PURPOSE,
                        Optional.empty(),
                        Requester.SELF,
                        Channel.PAPER,
                        SocietyTime.dateOf(Instant.now()),
                        Optional.empty(),
                        0),
                "clerk"));
    }

    private Api.Session member(String name, MemberKey key) {
        return accounts().signedIn(api(), accounts().member(api(), name, key));
    }

    private static void assertRefused(Api.Response r, String what) {
        assertThat(r.status()).as(what).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).as(what).endsWith("/refused");
    }

    @Test
    void aMemberAskingForAnotherMembersRecordsOrRequestsIsRefusedAndTheRefusalAudited() {
        MemberKey mine = TestMembers.register(memberImport);
        MemberKey theirs = TestMembers.register(memberImport);
        String name = "pg-recsec-" + UUID.randomUUID().toString().substring(0, 8);
        var session = member(name, mine);

        assertThat(session.get("/portal/members/" + mine + "/recipients").status())
                .isEqualTo(200);
        assertThat(session.get("/portal/members/" + mine + "/requests").status())
                .isEqualTo(200);
        assertRefused(session.get("/portal/members/" + theirs + "/recipients"), "another member's recipients");
        assertRefused(session.get("/portal/members/" + theirs + "/requests"), "another member's requests");
        var page = session.get("/refused");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("この操作はできません").doesNotContain(theirs.toString());

        var refusals = TestAccounts.trailOf(review, name).stream()
                .filter(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .toList();
        assertThat(refusals).hasSize(2).allSatisfy(e -> assertThat(e.members()).containsExactly(theirs.toString()));
    }

    @Test
    void aMemberIsRefusedTheConsolesRequestPages() {
        MemberKey mine = TestMembers.register(memberImport);
        RightsRequest r = filed(mine);
        var session = member("pg-recsec-" + UUID.randomUUID().toString().substring(0, 8), mine);
        assertRefused(session.get("/console/requests"), "the open requests");
        assertRefused(session.get("/console/requests/" + r.id()), "their own request's console page");
    }

    @Test
    void anAuditorReadsRequestsButRecordsNoStepOfThem() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = filed(m);
        var auditor = api().as("auditor");
        assertThat(auditor.get("/console/requests").status()).isEqualTo(200);
        var page = auditor.get("/console/requests/" + r.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("利用目的の通知").doesNotContain("本人確認を記録する");

        assertRefused(
                auditor.post(
                        "/console/requests/" + r.id() + "/verification",
                        "application/x-www-form-urlencoded",
                        "method=DRIVERS_LICENSE"),
                "an auditor verifying");
        assertThat(operator(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.RECEIVED);
    }

    @Test
    void aClerksStepWithoutTheFormsTokenIsRefusedAndNothingRecorded() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = filed(m);
        var clerk = api().as("clerk");
        var refused = clerk.exchange(
                "POST",
                "/console/requests/" + r.id() + "/verification",
                "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.ofString("method=DRIVERS_LICENSE"),
                java.util.Map.of(),
                false);
        assertRefused(refused, "a verification without the CSRF token");
        assertThat(operator(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.RECEIVED);

        var done = clerk.post(
                "/console/requests/" + r.id() + "/verification",
                "application/x-www-form-urlencoded",
                "method=DRIVERS_LICENSE");
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .endsWith("/console/requests/" + r.id() + "?recorded");
        assertThat(operator(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
    }

    @Test
    void aStepTheDeskRefusesComesBackToTheFormSayingWhy() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = filed(m);
        var clerk = api().as("clerk");
        // a paper request cannot be confirmed by a portal sign-in (Art. 37(2)): the desk says so
        var page = clerk.post(
                "/console/requests/" + r.id() + "/verification",
                "application/x-www-form-urlencoded",
                "method=SIGNED_IN_ACCOUNT");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("記録できませんでした", "SIGNED_IN_ACCOUNT confirms only a request filed on the portal");
        assertThat(operator(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.RECEIVED);
    }

    @Test
    void anUnknownRequestIsTheNotFoundPage() {
        var clerk = api().as("clerk");
        for (String path : List.of("/console/requests/999999999", "/console/requests/abc")) {
            var r = clerk.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).contains("この番号の請求はありません。");
        }
    }

    @Test
    void aPagePathNothingAnswersIsTheNotFoundPage() {
        var anonymous = api().anonymous();
        var clerk = api().as("clerk");
        for (String path :
                List.of("/console/no-such-page", "/portal/no/such/page", "/notice/nothing", "/no-such-page")) {
            for (var who : List.of(anonymous, clerk)) {
                var r = who.get(path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.contentType()).as(path).startsWith("text/html");
                assertThat(r.body()).as(path).contains("このページはありません。");
            }
        }
    }

    @Test
    void aMemberTheRegistryDoesNotHoldIsTheNotFoundPageOnPagesAndJsonOnTheApi() {
        var clerk = api().as("clerk");
        for (String path : List.of(
                "/console/members/ZZ9-999999-00",
                "/console/members/not-a-key",
                "/console/members/ZZ9-999999-00/forms")) {
            var r = clerk.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("text/html");
        }
        var api = clerk.get("/api/v1/members/ZZ9-999999-00");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPathNothingAnswersUnderTheApiIsStillJson() {
        var anonymous = api().anonymous().get("/api/v1/no-such-thing");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        var clerk = api().as("clerk").get("/api/v1/no-such-thing");
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.contentType()).startsWith("application/problem+json");
        // an open path of the API with nothing under it: the dispatcher's 404, still JSON
        var open = api().anonymous().get("/api/v1/openapi.json/no-such-thing");
        assertThat(open.status()).isEqualTo(404);
        assertThat(open.contentType()).startsWith("application/problem+json");
        assertThat(open.body()).doesNotContain("<html");
    }

    @Test
    void aPathAPageAnswersForAnotherMethodIsRefusedNotLetThrough() {
        // /console answers GET; no rule names a PUT to it, and a page that exists is not a 404
        var r = api().as("clerk")
                .exchange(
                        "PUT",
                        "/console",
                        "application/x-www-form-urlencoded",
                        java.net.http.HttpRequest.BodyPublishers.ofString("x=1"),
                        java.util.Map.of(),
                        true);
        assertRefused(r, "PUT /console");
    }
}
