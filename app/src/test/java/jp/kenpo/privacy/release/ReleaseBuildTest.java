package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole path on the generator's population, imported through the real importers. */
class ReleaseBuildTest extends ReleaseDatabaseTest {

    @Autowired
    ReleaseService releases;

    @Autowired
    MemberImport memberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    HealthDataImport health;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    jp.kenpo.privacy.recipients.RecipientRegister recipients;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private static int reserved = -1;

    @BeforeEach
    void population() throws Exception {
        population(memberImport, health, recipients);
        synchronized (ReleaseBuildTest.class) {
            if (reserved < 0) {
                // every 20th member reserves 9.1: they are left out of every release (APPI Art. 43 honoured by the
                // society)
                List<Member> all = new java.util.ArrayList<>();
                registry.forEachMember(all::add);
                int n = 0;
                for (int i = 0; i < all.size(); i += 20) {
                    Member m = all.get(i);
                    if (m.eligibleOn(LocalDate.of(2025, 6, 30))) {
                        ledger.record(
                                new ConsentRequest(
                                        m.key(),
                                        ConsentAction.RESERVE,
                                        ConsentTarget.purpose(new PurposeCode(9, 1)),
                                        LocalDate.of(2025, 4, 1),
                                        Channel.PAPER,
                                        Filer.SELF,
                                        Optional.empty()),
                                "clerk");
                        n++;
                    }
                }
                reserved = n;
            }
        }
    }

    private static String quarter() throws Exception {
        return example().replace("to: 2025-04", "to: 2025-06");
    }

    private ReleaseRecord build(String spec, Path out, byte[] key) {
        return TestAccounts.operator(() -> releases.build(spec, "quarter.yaml", out, key));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void aReleaseLeavesOutWhoReservedAndPassesItsFinalCheck() throws Exception {
        Path out = dir.resolve("release");
        ReleaseRecord r = build(quarter(), out, key(1));

        assertThat(out.resolve(r.releaseId() + ".zip.pgp")).exists();
        assertThat(out.resolve("cover-statement.ja.txt")).content().contains("匿名加工情報");
        Map<String, byte[]> files = opened(out, r.releaseId());
        assertThat(files)
                .containsKeys(
                        "persons.csv",
                        "receipts.csv",
                        "receipt_diagnoses.csv",
                        "checkups.csv",
                        "checkup_observations.csv",
                        "eligibility_periods.csv",
                        "receipt_procedures.csv",
                        "receipt_drugs.csv",
                        ReleaseDocuments.DICTIONARY,
                        ReleaseDocuments.REPORT,
                        "manifest.json");
        List<String> persons = lines(files.get("persons.csv"));
        assertThat(persons.get(0)).isEqualTo("person,sex,birth_month,kind,enrolled,withdrawn");
        assertThat(r.figures()).contains("\"left out: RESERVED_WITHOUT_CONSENT\" : " + reserved);
        long released = persons.size() - 1;
        long eligible = jdbc.queryForObject(
                "select count(distinct member_id) from member_eligibility where acquired_on <= date '2025-06-30'"
                        + " and (lost_on is null or lost_on > date '2025-06-30')",
                Long.class);
        // at k = 5, at least 95 % of the persons in scope are released unsuppressed
        assertThat((double) released / (eligible - reserved)).isGreaterThanOrEqualTo(0.95);
        assertThat(lines(files.get("receipts.csv")).size()).isGreaterThan(100);
        // nothing but pseudonyms and codes: no member key or name anywhere
        String all = String.join(
                "\n",
                files.values().stream()
                        .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                        .toList());
        List<Member> members = new java.util.ArrayList<>();
        registry.forEachMember(members::add);
        for (Member m : members.subList(0, 50)) {
            assertThat(all).doesNotContain(m.nameKanji()).doesNotContain(m.key().toString());
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from release_registry where release_id = ?", Integer.class, r.releaseId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'RELEASE_BUILT' and detail like ?",
                        Integer.class,
                        "%" + r.rowSha256() + "%"))
                .isEqualTo(1);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("release");
        }
    }

    @Test
    void theSameSpecDataAndKeyGiveByteIdenticalFiles() throws Exception {
        ReleaseRecord a = build(quarter(), dir.resolve("first"), key(7));
        ReleaseRecord b = build(quarter(), dir.resolve("second"), key(7));
        Map<String, byte[]> first = opened(dir.resolve("first"), a.releaseId());
        Map<String, byte[]> second = opened(dir.resolve("second"), b.releaseId());
        assertThat(first.keySet()).isEqualTo(second.keySet());
        // the data files; the manifest and the cover statement name the release, which differs
        first.keySet().stream()
                .filter(name -> !name.equals("manifest.json") && !name.equals("cover-statement.ja.txt"))
                .forEach(name -> assertThat(second.get(name)).as(name).isEqualTo(first.get(name)));
        assertThat(a.files().stream().filter(f -> f.file().endsWith(".csv")).toList())
                .isEqualTo(b.files().stream()
                        .filter(f -> f.file().endsWith(".csv"))
                        .toList());
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() throws Exception {
        ReleaseRecord a = build(quarter(), dir.resolve("one"), key(3));
        ReleaseRecord b = build(quarter(), dir.resolve("two"), key(4));
        List<String> one = lines(opened(dir.resolve("one"), a.releaseId()).get("persons.csv"));
        List<String> two = lines(opened(dir.resolve("two"), b.releaseId()).get("persons.csv"));
        assertThat(one.get(1).split(",")[0])
                .isNotIn(two.stream().map(l -> l.split(",")[0]).toList());
    }

    @Test
    void aBuildThatFailsHalfWayLeavesNoReleaseAndNoRegistryRow() throws Exception {
        int before = jdbc.queryForObject("select count(*) from release_registry", Integer.class);
        // no transformation can make every class hold a thousand persons of five hundred
        String impossible = quarter().replace("  k: 5\n", "  k: 1000\n").replace("suppression: 0.05", "suppression: 0");
        Path out = dir.resolve("never");
        assertThatThrownBy(() -> build(impossible, out, key(1)))
                .isInstanceOf(ReleaseRefusedException.class)
                .extracting(e -> ((ReleaseRefusedException) e).field())
                .isEqualTo("privacy");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from release_registry", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void aReleaseIsNeverWrittenOverAnother() throws Exception {
        Path out = Files.createDirectories(dir.resolve("taken"));
        assertThatThrownBy(() -> build(quarter(), out, key(1)))
                .isInstanceOf(ReleaseRefusedException.class)
                .extracting(e -> ((ReleaseRefusedException) e).field())
                .isEqualTo("out");
    }

    @Test
    void onlyAPrivacyOfficerBuilds() throws Exception {
        String spec = quarter();
        assertThatThrownBy(() ->
                        TestAccounts.as("clerk", Role.CLERK, () -> releases.build(spec, "q.yaml", dir.resolve("x"))))
                .isInstanceOf(ReleaseForbiddenException.class);
    }
}
