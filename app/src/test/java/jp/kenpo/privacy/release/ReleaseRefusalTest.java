package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each bad spec refused with its line and field, nothing built; approval and delivery in their order. */
class ReleaseRefusalTest extends ReleaseDatabaseTest {

    @Autowired
    ReleaseService releases;

    @Autowired
    MemberImport memberImport;

    @Autowired
    HealthDataImport health;

    @Autowired
    RecipientRegister recipients;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void population() throws Exception {
        population(memberImport, health, recipients);
    }

    private ReleaseSpecException refused(String spec) {
        int before = jdbc.queryForObject("select count(*) from release_registry", Integer.class);
        Path out = dir.resolve("out");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> TestAccounts.operator(() -> releases.build(spec, "bad.yaml", out)));
        assertThat(t).isInstanceOf(ReleaseSpecException.class);
        assertThat(out).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from release_registry", Integer.class))
                .isEqualTo(before);
        return (ReleaseSpecException) t;
    }

    private static int lineOf(String spec, String text) {
        String[] lines = spec.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text);
    }

    @Test
    void theExampleSpecPassesItsCheck() throws Exception {
        ReleaseService.Plan plan = TestAccounts.operator(() -> releases.check(spec(), "monthly.yaml"));
        assertThat(plan.period().toString()).isEqualTo("2025-04");
        assertThat(plan.items()).hasSize(5);
    }

    private static String spec() {
        try {
            return example();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aColumnUnderAnUnpublishedItemIsRefusedNamingIt() {
        String spec = spec().replace("sex: {item: 性別, rule: quasi}", "sex: {item: 住所, rule: quasi}");
        ReleaseSpecException e = refused(spec);
        assertThat(e.line()).isEqualTo(lineOf(spec, "sex: {item: 住所"));
        assertThat(e.getMessage()).contains("column 'sex'").contains("not a published item of 9.1");
    }

    @Test
    void aColumnThatMayNotBeReleasedIsRefusedNamingIt() {
        String spec = spec().replace(
                        "    sex: {item: 性別, rule: quasi}\n",
                        "    sex: {item: 性別, rule: quasi}\n    name_kanji: {item: 性別, rule: as-is}\n");
        ReleaseSpecException e = refused(spec);
        assertThat(e.line()).isEqualTo(lineOf(spec, "name_kanji"));
        assertThat(e.getMessage()).contains("tables.persons.name_kanji: not a column that may be released");
    }

    @Test
    void aColumnUnderAnotherItemIsRefused() {
        String spec = spec().replace("sex: {item: 性別, rule: quasi}", "sex: {item: 生年月, rule: quasi}");
        assertThat(refused(spec).getMessage()).contains("column 'sex'").contains("性別");
    }

    @Test
    void aWrongRuleIsRefused() {
        String spec = spec().replace(
                        "points: {item: 診療報酬明細書の受診履歴, rule: top-code}\n    dpc_code",
                        "points: {item: 診療報酬明細書の受診履歴, rule: as-is}\n    dpc_code");
        assertThat(refused(spec).getMessage())
                .contains("tables.receipts.points.rule")
                .contains("top-code");
    }

    @Test
    void anUnknownRecipientIsRefused() {
        String spec = spec().replace("recipient: EXAMPLE-VENDOR", "recipient: NOBODY-1");
        ReleaseSpecException e = refused(spec);
        assertThat(e.line()).isEqualTo(lineOf(spec, "recipient:"));
        assertThat(e.getMessage()).contains("recipient: no recipient with this id");
    }

    @Test
    void anExpiredContractIsRefused() {
        String spec = spec().replace("recipient: EXAMPLE-VENDOR", "recipient: " + EXPIRED);
        assertThat(refused(spec).getMessage()).contains("recipient: its contract does not cover");
    }

    @Test
    void electronicDeliveryWithoutTheVendorsKeyIsRefused() {
        String spec = spec().replace("recipient: EXAMPLE-VENDOR", "recipient: " + KEYLESS);
        ReleaseSpecException e = refused(spec);
        assertThat(e.line()).isEqualTo(lineOf(spec, "method:"));
        assertThat(e.getMessage()).contains("method:").contains("recipientPublicKey");
    }

    @Test
    void kBelowTwoIsRefused() {
        String spec = spec().replace("  k: 5\n", "  k: 1\n");
        ReleaseSpecException e = refused(spec);
        assertThat(e.line()).isEqualTo(lineOf(spec, "  k: 1"));
        assertThat(e.getMessage()).contains("privacy.k: must be 2 or more");
    }

    @Test
    void aPeriodWithNoDataIsRefused() {
        String spec = spec().replace("from: 2025-04", "from: 2019-04").replace("to: 2025-04", "to: 2019-04");
        assertThat(refused(spec).getMessage()).contains("period: no receipt or checkup is stored for 2019-04");
    }

    @Test
    void aMonthNotEndedIsRefused() {
        String spec = spec().replace("from: 2025-04", "from: 2099-01").replace("to: 2025-04", "to: 2099-01");
        assertThat(refused(spec).getMessage()).contains("has not ended yet");
    }

    @Test
    void aContinuingReleaseWithoutAnEarlierOneIsRefused() {
        String spec = spec().replace("  from: 2025-04\n  to: 2025-04\n", "  continuing: true\n")
                .replace("recipient: EXAMPLE-VENDOR", "recipient: " + KEYLESS)
                .replace("method: ELECTRONIC", "method: PHYSICAL_MEDIA");
        assertThat(refused(spec).getMessage()).contains("period.continuing: no earlier release");
    }

    @Test
    void aPseudonymPolicyOtherThanPerReleaseOrStableIsRefusedWithItsLine() {
        String spec = spec().replace("pseudonyms: PER_RELEASE", "pseudonyms: FOREVER");
        ReleaseSpecException e = refused(spec);
        assertThat(e.line()).isEqualTo(lineOf(spec, "pseudonyms:"));
        assertThat(e.getMessage()).contains("pseudonyms: expected one of PER_RELEASE, STABLE");
    }

    @Test
    void notValidYamlIsRefusedWithItsLine() {
        ReleaseSpecException e = refused("recipient: [\n");
        assertThat(e.getMessage()).startsWith("bad.yaml:").contains("not valid YAML");
    }

    @Test
    void anUnknownKeyIsRefused() {
        String spec = spec().replace("  k: 5\n", "  k: 5\n  kk: 3\n");
        assertThat(refused(spec).getMessage()).contains("privacy: unknown key 'kk'");
    }

    @Test
    void aReleaseIsApprovedByASecondOfficerAndDeliveredOnlyThen() throws Exception {
        ReleaseRecord built = TestAccounts.as(
                "officer-a", Role.PRIVACY_OFFICER, () -> releases.build(spec(), "monthly.yaml", dir.resolve("r")));
        String id = built.releaseId();

        assertThatThrownBy(() -> TestAccounts.as("officer-a", Role.PRIVACY_OFFICER, () -> releases.deliver(id)))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("not approved");
        assertThatThrownBy(() -> TestAccounts.as("officer-a", Role.PRIVACY_OFFICER, () -> releases.approve(id)))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("may not approve it");
        assertThatThrownBy(() -> TestAccounts.as("auditor", Role.AUDITOR, () -> releases.approve(id)))
                .isInstanceOf(ReleaseForbiddenException.class);

        ReleaseRecord approved = TestAccounts.as("officer-b", Role.PRIVACY_OFFICER, () -> releases.approve(id));
        assertThat(approved.approval().orElseThrow().by()).isEqualTo("officer-b");
        assertThat(approved.approval().orElseThrow().onePerson()).isFalse();

        ReleaseRecord delivered = TestAccounts.as("officer-a", Role.PRIVACY_OFFICER, () -> releases.deliver(id));
        assertThat(delivered.delivery()).isPresent();
        assertThatThrownBy(() -> TestAccounts.as("officer-a", Role.PRIVACY_OFFICER, () -> releases.deliver(id)))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("delivered already");

        ReleaseRecord read = TestAccounts.as("auditor", Role.AUDITOR, () -> releases.show(id));
        assertThat(read.files())
                .extracting(ReleaseRecord.FileEntry::file)
                .contains("persons.csv", "cover-statement.ja.txt");
        assertThat(read.manifestSha256()).isPresent();
        assertThat(read.archiveSha256()).isPresent();
        assertThat(releases.publication(Language.JA, NoticeFormat.TXT))
                .contains("性別")
                .contains("健診の受診履歴");
        assertThatThrownBy(() -> jdbc.update("update release_registry set recipient = 'X' where release_id = ?", id))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from release_event"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }
}
