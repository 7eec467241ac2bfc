package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.catalog.CatalogFixtures;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalog pages' refusals over plain HTTP, on the shared database (nothing here is published):
 * a file the rules refuse is shown with its line and reason, a file that is not UTF-8 with its
 * line, a publication of a file not checked in this session is refused, and the pages keep the
 * API's roles, every refusal audited.
 */
class CatalogPagesRefusalTest extends DatabaseTest {

    private static final String BOUNDARY = "kenpo-test-boundary";

    @Autowired
    CatalogService catalogs;

    @Autowired
    AuditReview review;

    private Api.Session signedIn(String prefix, Role role) {
        var person =
                accounts().person(api(), prefix + UUID.randomUUID().toString().substring(0, 8), role);
        return accounts().signedIn(api(), person);
    }

    private static Api.Response upload(Api.Session session, String name, byte[] content) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/yaml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.exchange(
                "POST",
                "/console/catalog/check",
                "multipart/form-data; boundary=" + BOUNDARY,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                Map.of(),
                true);
    }

    @Test
    void aFileTheRulesRefuseIsShownWithItsLineAndReasonAndNothingIsPublished() {
        var officer = signedIn("pg-cat-officer-", Role.PRIVACY_OFFICER);
        int before = catalogs.published().size();
        String source = CatalogFixtures.defaultSource().replace("code: \"2.2\"", "code: \"2.1\"");
        int line = source.substring(0, source.lastIndexOf("code: \"2.1\"")).split("\n", -1).length;

        var page = upload(officer, "twice.yaml", source.getBytes(StandardCharsets.UTF_8));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("このファイルは公表できません")
                .contains("twice.yaml の " + line + "行目")
                .contains("purpose code 2.1 is used twice (first on line ")
                .doesNotContain("公表の確認に進む");
        assertThat(catalogs.published()).hasSize(before);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLineOfItsFirstBadByte() {
        var officer = signedIn("pg-cat-officer-", Role.PRIVACY_OFFICER);
        String source = "version: 2\neffective_from: 2099-04-01\ntitle:\n  ja: 利用目的\n";

        var page = upload(officer, "sjis.yaml", source.getBytes(Charset.forName("Windows-31J")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ファイルをUTF-8の文字として読めません（4行目）");
    }

    @Test
    void noFileChosenIsAskedFor() {
        var officer = signedIn("pg-cat-officer-", Role.PRIVACY_OFFICER);

        var page = upload(officer, "empty.yaml", new byte[0]);

        assertThat(page.body()).contains("ファイルを選んでください。");
    }

    @Test
    void onlyTheFileCheckedInThisSessionCanBePublished() {
        var officer = signedIn("pg-cat-officer-", Role.PRIVACY_OFFICER);
        int before = catalogs.published().size();

        var page = officer.post(
                "/console/catalog/publish", "application/x-www-form-urlencoded", "sha256=" + "0".repeat(64));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("確認したファイルが見つかりません");
        assertThat(catalogs.published()).hasSize(before);
    }

    @Test
    void aClerkAndAnAuditorReadTheVersionsButAreRefusedTheirPublication() {
        String clerkName = "pg-cat-clerk-" + UUID.randomUUID().toString().substring(0, 8);
        var clerk = accounts().signedIn(api(), accounts().person(api(), clerkName, Role.CLERK));
        var auditor = signedIn("pg-cat-auditor-", Role.AUDITOR);

        for (var session : new Api.Session[] {clerk, auditor}) {
            assertThat(session.get("/console/catalog").body()).contains("第1版").doesNotContain("/console/catalog/new");
            var version = session.get("/console/catalog/versions/1");
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.body()).contains("被保険者等への医療費通知", "Sending medical expense notices");
            var file = session.get("/console/catalog/versions/1/source");
            assertThat(file.contentType()).startsWith("text/plain");
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("catalog-v1.yaml");
            assertThat(file.body()).startsWith(catalogs.source(1).orElseThrow());
            for (var r : new Api.Response[] {
                session.get("/console/catalog/new"),
                upload(session, "v2.yaml", "version: 2\n".getBytes(StandardCharsets.UTF_8)),
                session.post("/console/catalog/publish", "application/x-www-form-urlencoded", "sha256=x")
            }) {
                assertThat(r.status()).isEqualTo(302);
                assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/refused");
            }
        }
        assertThat(TestAccounts.trailOf(review, clerkName))
                .filteredOn(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .extracting(AuditEntry::detail)
                .contains(
                        "GET /console/catalog/new: not allowed for this account",
                        "POST /console/catalog/check: not allowed for this account",
                        "POST /console/catalog/publish: not allowed for this account");
    }

    @Test
    void aVersionNeverPublishedIsNotFound() {
        var officer = signedIn("pg-cat-officer-", Role.PRIVACY_OFFICER);

        for (String path : new String[] {"/console/catalog/versions/999", "/console/catalog/versions/x"}) {
            var page = officer.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("この番号の版は公表されていません。");
        }
    }

    @Test
    void aMemberIsRefusedTheCatalogPages() {
        var member = accounts()
                .member(
                        api(),
                        "pg-cat-member-" + UUID.randomUUID().toString().substring(0, 8),
                        jp.kenpo.privacy.testing.TestMembers.register(
                                context.getBean(jp.kenpo.privacy.members.MemberImport.class)));
        var session = accounts().signedIn(api(), member);

        var r = session.get("/console/catalog");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/refused");
    }
}
