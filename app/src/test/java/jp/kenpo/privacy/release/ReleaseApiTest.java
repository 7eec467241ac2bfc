package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /api/v1/releases} over real HTTP: the privacy officer checks, builds and approves, a
 * second officer approves, the auditor reads; a clerk and a member are refused (403) on every
 * endpoint; delivery before approval and a bad spec are answered 400 naming the field and line.
 */
class ReleaseApiTest extends ReleaseDatabaseTest {

    private static final String YAML = "application/yaml";

    @DynamicPropertySource
    static void releaseDirectory(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("kenpo-api-releases");
        dir.toFile().deleteOnExit();
        registry.add("kenpo.release.directory", dir::toString);
    }

    @Autowired
    MemberImport memberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    HealthDataImport health;

    @Autowired
    RecipientRegister recipients;

    private Api api;

    @BeforeEach
    void population() throws Exception {
        population(memberImport, health, recipients);
        api = api();
    }

    /** One month on a physical medium to the vendor without a key: no encryption needed to read it. */
    private static String spec() throws Exception {
        return example()
                .replace("recipient: EXAMPLE-VENDOR", "recipient: " + KEYLESS)
                .replace("method: ELECTRONIC", "method: PHYSICAL_MEDIA");
    }

    private Api.Session officer(String name) {
        return accounts().signedIn(api, accounts().person(api, name + "-" + tag(), Role.PRIVACY_OFFICER));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theOfficerChecksBuildsAnotherOfficerApprovesAndTheAuditorReads() throws Exception {
        Api.Session builder = officer("builder");
        Api.Response checked = builder.post("/api/v1/releases/checks", YAML, spec());
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("recipient").path("id").asString()).isEqualTo(KEYLESS);

        Api.Response built = builder.post("/api/v1/releases?file=monthly.yaml", YAML, spec());
        assertThat(built.status()).as(built.body()).isEqualTo(201);
        String id = built.json().path("releaseId").asString();
        assertThat(id).startsWith("R-");

        Api.Response early = builder.post("/api/v1/releases/" + id + "/delivery", YAML, "");
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.json().path("field").asString()).isEqualTo("approval");
        assertThat(early.json().path("detail").asString()).contains("not approved yet");

        Api.Response self = builder.post("/api/v1/releases/" + id + "/approval", YAML, "");
        assertThat(self.status()).as("the builder may not approve").isEqualTo(400);
        assertThat(self.json().path("detail").asString()).contains("another privacy officer");

        Api.Response approved = officer("approver").post("/api/v1/releases/" + id + "/approval", YAML, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("approval").isObject())
                .as(approved.body())
                .isTrue();

        Api.Response list = api.get("/api/v1/releases", "auditor");
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(r -> ids.add(r.path("releaseId").asString()));
        assertThat(ids).contains(id);
        Api.Response shown = api.get("/api/v1/releases/" + id, "auditor");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("specSha256").asString()).hasSize(64);

        Api.Response delivered = builder.post("/api/v1/releases/" + id + "/delivery", YAML, "");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        Api.Response again = builder.post("/api/v1/releases/" + id + "/delivery", YAML, "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("detail").asString()).contains("delivered already");
    }

    @Test
    void aClerkAndAMemberAreRefusedOnEveryEndpointAndTheAuditorBuildsNothing() throws Exception {
        List<Member> all = new ArrayList<>();
        registry.forEachMember(all::add);
        Api.Session member = accounts()
                .signedIn(
                        api,
                        accounts().member(api, "rel-member-" + tag(), all.get(0).key()));
        Api.Session clerk = api.as("clerk");
        Api.Session auditor = api.as("auditor");
        String spec = spec();
        for (Api.Session s : List.of(clerk, member)) {
            assertThat(s.get("/api/v1/releases").status()).isEqualTo(403);
            assertThat(s.get("/api/v1/releases/R-000001").status()).isEqualTo(403);
            assertThat(s.post("/api/v1/releases/checks", YAML, spec).status()).isEqualTo(403);
            assertThat(s.post("/api/v1/releases", YAML, spec).status()).isEqualTo(403);
            assertThat(s.post("/api/v1/releases/R-000001/approval", YAML, "").status())
                    .isEqualTo(403);
            assertThat(s.post("/api/v1/releases/R-000001/delivery", YAML, "").status())
                    .isEqualTo(403);
        }
        assertThat(auditor.post("/api/v1/releases", YAML, spec).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/releases/R-000001/approval", YAML, "").status())
                .isEqualTo(403);
        // the public statement is public
        assertThat(member.get("/api/v1/releases/publication").status()).isEqualTo(200);
    }

    @Test
    void aBadSpecIsAnsweredFourHundredWithItsFieldAndLine() throws Exception {
        Api.Session officer = officer("checker");
        String bad = spec().replace("  k: 5\n", "  k: 1\n");
        Api.Response r = officer.post("/api/v1/releases/checks?file=bad.yaml", YAML, bad);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asString()).isEqualTo("spec");
        int line = bad.lines().toList().indexOf("  k: 1") + 1;
        assertThat(r.json().path("detail").asString())
                .contains("bad.yaml:" + line + ":")
                .contains("privacy.k: must be 2 or more");

        String unknownSpec = spec().replace("recipient: " + KEYLESS, "recipient: NOBODY");
        Api.Response unknown = officer.post("/api/v1/releases?file=bad.yaml", YAML, unknownSpec);
        assertThat(unknown.status()).isEqualTo(400);
        int recipientLine = unknownSpec.lines().toList().indexOf("recipient: NOBODY") + 1;
        assertThat(unknown.json().path("detail").asString())
                .contains("bad.yaml:" + recipientLine + ": recipient: no recipient with this id");
    }
}
