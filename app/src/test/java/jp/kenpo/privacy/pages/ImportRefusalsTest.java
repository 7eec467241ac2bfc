package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import page's refusals over plain HTTP, as a browser or a forger would send them: each is a
 * page (never a stack trace), each is audited, and none writes anything.
 */
class ImportRefusalsTest extends DatabaseTest {

    private static final String BOUNDARY = "----kenpoTestBoundary7MA4YWxkTrZu0gW";

    @Autowired
    AuditReview review;

    @Autowired
    MemberRegistry registry;

    private record Part(String name, String filename, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String filename, byte[] content) {
            return new Part("file", filename, content);
        }
    }

    private static byte[] multipart(List<Part> parts) {
        var out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                            + (p.filename() == null
                                    ? ""
                                    : "; filename=\"" + p.filename() + "\"\r\nContent-Type: application/octet-stream")
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Api.Response upload(Api.Session session, String path, List<Part> parts, boolean csrf) {
        return session.exchange(
                "POST",
                path,
                "multipart/form-data; boundary=" + BOUNDARY,
                HttpRequest.BodyPublishers.ofByteArray(multipart(parts)),
                Map.of(),
                csrf);
    }

    private record Signed(String name, Api.Session session) {}

    private Signed signedIn(Role role) {
        String name = "imp-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return new Signed(name, accounts().signedIn(api(), accounts().person(api(), name, role)));
    }

    private static byte[] membersCsv(String symbol) {
        return TestMembers.csv(List.of(TestMembers.insured(symbol, "1", "2020-04-01", null)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUploadLargerThanTheLimitGetsAPageSayingSoAndIsAuditedAndNothingIsRead() {
        var clerk = signedIn(Role.CLERK);
        String symbol = TestMembers.freshSymbol();
        // the test limit is 64 KiB (application-test.yml), and the form's envelope another 64 KiB
        byte[] padding = ("\n").repeat(140 * 1024).getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[membersCsv(symbol).length + padding.length];
        System.arraycopy(membersCsv(symbol), 0, csv, 0, membersCsv(symbol).length);
        System.arraycopy(padding, 0, csv, membersCsv(symbol).length, padding.length);

        var r = upload(
                clerk.session(),
                "/console/imports/members",
                List.of(Part.field("encoding", "UTF-8"), Part.file("members.csv", csv)),
                true);

        assertThat(r.status()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/console/imports/too-large?upload=members");
        var page = clerk.session().get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("大きすぎます").doesNotContain("Exception");
        assertThat(registry.find(new MemberKey(symbol, "1", "00"))).isEmpty();
        assertThat(TestAccounts.trailOf(review, clerk.name())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.MEMBERS_IMPORTED);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).contains("larger than 65536 bytes");
        });
    }

    @Test
    void anAuditorMayNeitherSeeNorUseTheImportPage() {
        var auditor = signedIn(Role.AUDITOR);
        String symbol = TestMembers.freshSymbol();

        var page = auditor.session().get("/console/imports");
        var sent = upload(
                auditor.session(),
                "/console/imports/members",
                List.of(Part.field("encoding", "UTF-8"), Part.file("members.csv", membersCsv(symbol))),
                true);
        var quarantine = auditor.session().get("/console/quarantine");

        for (var r : List.of(page, sent, quarantine)) {
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/refused");
        }
        assertThat(registry.find(new MemberKey(symbol, "1", "00"))).isEmpty();
        assertThat(TestAccounts.trailOf(review, auditor.name()))
                .filteredOn(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .extracting(e -> e.detail())
                .anySatisfy(d -> assertThat(d).startsWith("GET /console/imports:"))
                .anySatisfy(d -> assertThat(d).startsWith("POST /console/imports/members:"))
                .anySatisfy(d -> assertThat(d).startsWith("GET /console/quarantine:"));
    }

    @Test
    void anUploadWithoutTheFormsCsrfTokenIsRefusedAndAudited() {
        var clerk = signedIn(Role.CLERK);
        String symbol = TestMembers.freshSymbol();

        var r = upload(
                clerk.session(),
                "/console/imports/members",
                List.of(Part.field("encoding", "UTF-8"), Part.file("members.csv", membersCsv(symbol))),
                false);

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/refused");
        assertThat(registry.find(new MemberKey(symbol, "1", "00"))).isEmpty();
        assertThat(TestAccounts.trailOf(review, clerk.name()))
                .anySatisfy(e ->
                        assertThat(e.detail()).isEqualTo("POST /console/imports/members: missing or wrong CSRF token"));
    }

    @Test
    void aFileOfAnotherKindIsRefusedWithThePageNamingWhatIsTakenAndAudited() {
        var clerk = signedIn(Role.CLERK);

        var r = upload(
                clerk.session(),
                "/console/imports/receipts",
                List.of(Part.file("scan.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8))),
                true);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("レセプトファイルは .UKE ファイルか .CSV ファイルです。", "scan.pdf");
        assertThat(TestAccounts.trailOf(review, clerk.name())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.HEALTH_DATA_IMPORTED);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).contains("scan.pdf: not of the kind imported");
        });
    }

    @Test
    void aMemberFileWithABadLineIsRefusedWholeNamingLineAndFieldButNeverTheValue() throws Exception {
        var clerk = signedIn(Role.CLERK);
        String good = TestMembers.freshSymbol();
        String bad = TestMembers.freshSymbol();
        String csv = TestMembers.csv(List.of(
                TestMembers.insured(good, "1", "2020-04-01", null),
                TestMembers.insured(bad, "1", "2020-04-01", null).replace("1980-04-01", "1980-02-30")));

        var r = upload(
                clerk.session(),
                "/console/imports/members",
                List.of(
                        Part.field("encoding", "UTF-8"),
                        Part.file("members.csv", csv.getBytes(StandardCharsets.UTF_8))),
                true);

        assertThat(r.status()).isEqualTo(302);
        String job = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(job).matches("/console/imports/[0-9a-f]{32}");
        String result = ended(clerk.session(), job);
        assertThat(result).contains("取り込みませんでした", "members.csv", "birth_date", "is not a date YYYY-MM-DD");
        assertThat(result).contains("<td>3</td>").doesNotContain("1980-02-30");
        assertThat(registry.find(new MemberKey(good, "1", "00")))
                .as("a refused file writes nothing")
                .isEmpty();
        assertThat(TestAccounts.trailOf(review, clerk.name())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.MEMBERS_IMPORTED);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).contains("line 3 (birth_date)").doesNotContain("1980-02-30");
        });

        var skipping = upload(
                clerk.session(),
                "/console/imports/members",
                List.of(
                        Part.field("encoding", "UTF-8"),
                        Part.field("skipBad", "true"),
                        Part.file("members.csv", csv.getBytes(StandardCharsets.UTF_8))),
                true);
        String skipped = ended(
                clerk.session(),
                skipping.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(skipped).contains("birth_date");
        assertThat(registry.find(new MemberKey(good, "1", "00"))).isPresent();
        assertThat(registry.find(new MemberKey(bad, "1", "00"))).isEmpty();
    }

    @Test
    void nobodySignedInHasAFormWithFilesRefusedBeforeItIsRead() {
        var anonymous = api().anonymous().open();
        String symbol = TestMembers.freshSymbol();
        byte[] csv = (new String(membersCsv(symbol), StandardCharsets.UTF_8) + "\n".repeat(20 * 1024))
                .getBytes(StandardCharsets.UTF_8);

        var r = upload(
                anonymous,
                "/console/imports/members",
                List.of(Part.field("encoding", "UTF-8"), Part.file("members.csv", csv)),
                true);

        // more than a command takes (16 KB) is refused unread, whatever the import limit
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/console/imports/too-large");
        assertThat(registry.find(new MemberKey(symbol, "1", "00"))).isEmpty();
    }

    @Test
    void aFormWithFilesSentWithoutItsLengthIsRefused() {
        var clerk = signedIn(Role.CLERK);
        String symbol = TestMembers.freshSymbol();

        var r = clerk.session()
                .postChunked(
                        "/console/imports/members",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        multipart(List.of(
                                Part.field("encoding", "UTF-8"), Part.file("members.csv", membersCsv(symbol)))));

        assertThat(r.status()).isEqualTo(411);
        assertThat(registry.find(new MemberKey(symbol, "1", "00"))).isEmpty();
    }

    @Test
    void aJobThatIsNotThereIsAPageSayingSo() {
        var clerk = signedIn(Role.CLERK);
        var r = clerk.session().get("/console/imports/0123456789abcdef0123456789abcdef");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("見つかりません");
        assertThat(clerk.session().get("/console/quarantine/999999999").status())
                .isEqualTo(404);
    }

    /** The job's page once the job has ended (it refreshes only when asked, as a person would). */
    private static String ended(Api.Session session, String job) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var page = session.get(job);
            assertThat(page.status()).isEqualTo(200);
            if (!page.body().contains("id=\"refresh\"")) {
                return page.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end within 30 seconds");
    }
}
