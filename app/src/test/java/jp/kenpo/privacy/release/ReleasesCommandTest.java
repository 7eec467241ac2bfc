package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.cli.Kenpo;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code ./kenpo releases check|build|list|show|approve|deliver|publication}, run through picocli in process. */
class ReleasesCommandTest extends ReleaseDatabaseTest {

    @Autowired
    MemberImport memberImport;

    @Autowired
    HealthDataImport health;

    @Autowired
    RecipientRegister recipients;

    @Autowired
    ReleaseService releases;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run kenpo(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kenpo.execute(args, () -> context, new PrintWriter(out, true), new PrintWriter(err, true));
        RunRecord.append("./kenpo " + String.join(" ", args) + " -> " + code, out + "\n" + err);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void population() throws Exception {
        population(memberImport, health, recipients);
    }

    private Path spec(String text) throws Exception {
        Path file = dir.resolve("monthly-" + System.nanoTime() + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String physical() throws Exception {
        return example()
                .replace("recipient: EXAMPLE-VENDOR", "recipient: " + KEYLESS)
                .replace("method: ELECTRONIC", "method: PHYSICAL_MEDIA");
    }

    @Test
    void checkAndBuildAnswerWhatTheyDidAndListAndShowReadTheRegistry() throws Exception {
        Path spec = spec(physical());
        Run checked = kenpo("releases", "check", spec.toString());
        assertThat(checked.code()).as(checked.err()).isZero();
        assertThat(checked.out())
                .startsWith("ok: " + KEYLESS + ", 2025-04")
                .contains("PHYSICAL_MEDIA")
                .contains("k = 5");

        Path out = dir.resolve("release");
        Run built = kenpo("releases", "build", spec.toString(), "--out", out.toString());
        assertThat(built.code()).as(built.err()).isZero();
        assertThat(built.out())
                .startsWith("built R-")
                .contains("pseudonyms PER_RELEASE")
                .contains("persons.csv");
        String id = built.out().substring("built ".length(), built.out().indexOf(' ', "built ".length()));
        assertThat(out.resolve("SHA256SUMS")).exists();

        assertThat(kenpo("releases", "list").out()).contains(id + "  " + KEYLESS);
        Run shown = kenpo("releases", "show", id);
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains(id).contains("not approved").contains("registry row");

        Run again = kenpo("releases", "build", spec.toString(), "--out", out.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("kenpo: out: the folder exists already");

        Run unknown = kenpo("releases", "show", "R-999999");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("kenpo: release: no release has this id");
    }

    @Test
    void deliveryIsRefusedBeforeApprovalAndTheBuilderDoesNotApproveItsOwn() throws Exception {
        Path spec = spec(physical());
        Path out = dir.resolve("by-operator");
        Run built = kenpo("releases", "build", spec.toString(), "--out", out.toString());
        assertThat(built.code()).as(built.err()).isZero();
        String own = built.out().substring("built ".length(), built.out().indexOf(' ', "built ".length()));

        Run early = kenpo("releases", "deliver", own);
        assertThat(early.code()).isEqualTo(1);
        assertThat(early.err()).contains("kenpo: approval: the release is not approved yet");
        Run self = kenpo("releases", "approve", own);
        assertThat(self.code()).isEqualTo(1);
        assertThat(self.err()).contains("another privacy officer must");

        // built by an officer over the API's service: the operator approves it as the second person
        String text = physical();
        ReleaseRecord other = TestAccounts.as(
                "officer-cli",
                Role.PRIVACY_OFFICER,
                () -> releases.build(text, "monthly.yaml", dir.resolve("by-officer")));
        Run approved = kenpo("releases", "approve", other.releaseId());
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(approved.out()).contains(other.releaseId()).contains("approved by cli:");
        Run delivered = kenpo("releases", "deliver", other.releaseId());
        assertThat(delivered.code()).as(delivered.err()).isZero();
        assertThat(delivered.out()).contains("delivered ");
    }

    @Test
    void aBadSpecIsRefusedWithItsFileLineAndFieldAndExitCodeOne() throws Exception {
        String text = physical().replace("method: PHYSICAL_MEDIA", "method: CARRIER_PIGEON");
        Path spec = spec(text);
        Run r = kenpo("releases", "check", spec.toString());
        assertThat(r.code()).isEqualTo(1);
        int line = text.lines().toList().indexOf("method: CARRIER_PIGEON") + 1;
        assertThat(r.err())
                .contains(spec + ":" + line + ": method: expected one of ELECTRONIC, PHYSICAL_MEDIA")
                .doesNotContain("Exception");
        Run missing = kenpo(
                "releases",
                "build",
                dir.resolve("none.yaml").toString(),
                "--out",
                dir.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void publicationIsRenderedInEitherLanguageAndAWrongFormatIsAUsageError() {
        Run ja = kenpo("releases", "publication");
        assertThat(ja.code()).isZero();
        assertThat(ja.out()).contains("匿名加工情報");
        Run html = kenpo("releases", "publication", "--lang", "en", "--format", "html");
        assertThat(html.code()).isZero();
        assertThat(html.out()).contains("<html").containsIgnoringCase("anonymized");
        Run bad = kenpo("releases", "publication", "--format", "pdf");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--format");
    }
}
