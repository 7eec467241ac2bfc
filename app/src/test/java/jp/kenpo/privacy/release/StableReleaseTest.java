package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.HealthRecords;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.Sex;
import jp.kenpo.privacy.mynumber.MyNumberRefusedException;
import jp.kenpo.privacy.mynumber.PseudonymKeys;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * STABLE pseudonyms (APPI Art. 43(2); PPC Rules Art. 34(3), 34(5), 35): one key per recipient kept
 * in the vault, so that the recipient follows a person from release to release, and k over
 * everything it holds. Every test here releases to the keyless vendor's twin below, a recipient of
 * its own, so that the cumulative table is the tests' alone.
 */
class StableReleaseTest extends ReleaseDatabaseTest {

    @Autowired
    ReleaseService releases;

    @Autowired
    MemberImport memberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    HealthDataImport health;

    @Autowired
    RecipientRegister recipients;

    @Autowired
    PseudonymKeys keys;

    @Autowired
    HealthRecords records;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void population() throws Exception {
        population(memberImport, health, recipients);
    }

    private static String stable(String recipient, String month) throws Exception {
        return example()
                .replace("pseudonyms: PER_RELEASE", "pseudonyms: STABLE")
                .replace("recipient: EXAMPLE-VENDOR", "recipient: " + recipient)
                .replace("method: ELECTRONIC", "method: PHYSICAL_MEDIA")
                .replace("from: 2025-04", "from: " + month)
                .replace("to: 2025-04", "to: " + month);
    }

    private ReleaseRecord build(String spec, Path out) {
        return TestAccounts.as("officer", Role.PRIVACY_OFFICER, () -> releases.build(spec, "stable.yaml", out));
    }

    /** A physical-media release to a recipient without a key is an unencrypted archive: its files as the recipient reads them. */
    private static Map<String, byte[]> files(Path out) throws Exception {
        Path zip;
        try (var list = Files.list(out)) {
            zip = list.filter(f -> f.getFileName().toString().endsWith(".zip"))
                    .findFirst()
                    .orElseThrow();
        }
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Set<String> persons(Map<String, byte[]> files) {
        Set<String> pseudonyms = new HashSet<>();
        List<String> lines = lines(files.get("persons.csv"));
        for (String line : lines.subList(1, lines.size())) {
            pseudonyms.add(line.split(",")[0]);
        }
        return pseudonyms;
    }

    @Test
    void theSameStableSpecBuiltAgainWithTheKeyFromTheVaultGivesByteIdenticalFiles() throws Exception {
        String spec = stable("STABLE-TWICE", "2025-05");
        addRecipient("STABLE-TWICE");
        ReleaseRecord a = build(spec, dir.resolve("first"));
        assertThat(keys.exists("STABLE-TWICE"))
                .as("made on the first STABLE release")
                .isTrue();
        ReleaseRecord b = build(spec, dir.resolve("second"));

        Map<String, byte[]> first = files(dir.resolve("first"));
        Map<String, byte[]> second = files(dir.resolve("second"));
        assertThat(first).containsKeys("persons.csv", "receipts.csv", ReleaseDocuments.REPORT);
        assertThat(first.keySet()).isEqualTo(second.keySet());
        first.keySet().stream()
                // these name the release, which differs
                .filter(name -> name.endsWith(".csv") || name.equals(ReleaseDocuments.REPORT))
                .forEach(name -> assertThat(second.get(name)).as(name).isEqualTo(first.get(name)));
        assertThat(a.pseudonyms()).isEqualTo(PseudonymPolicy.STABLE);
        // one key, made once; each use on record
        assertThat(jdbc.queryForObject(
                        "select count(*) from pseudonym_key where recipient = 'STABLE-TWICE'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'RELEASE_KEY_USED' and outcome = 'SUCCESS'"
                                + " and detail like '%STABLE-TWICE%' order by seq",
                        String.class))
                .hasSize(2)
                .satisfies(l -> assertThat(l.get(0)).contains("created and used"))
                .satisfies(l -> assertThat(l.get(1)).doesNotContain("created"));
        // the persons of both are kept for the cumulative table; the key is in no file, report or registry row
        assertThat(jdbc.queryForObject(
                        "select count(*) from release_person p join release_registry r on r.id = p.release_id"
                                + " where r.release_id = ?",
                        Long.class,
                        b.releaseId()))
                .isEqualTo(persons(second).size());
        byte[] key = TestAccounts.as("officer", Role.PRIVACY_OFFICER, () -> keys.use("STABLE-TWICE", "test"));
        String hex = java.util.HexFormat.of().formatHex(key);
        for (byte[] file : second.values()) {
            assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(hex);
        }
        assertThat(b.figures()).doesNotContain(hex);
        // what the recipient holds does not change: the database refuses it
        assertThatThrownBy(() -> jdbc.update("update release_person set sex = '2'"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from release_person"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    @Test
    void successiveStableReleasesGiveAMemberTheSamePseudonymAndPerReleaseOnesDoNot() throws Exception {
        addRecipient("STABLE-MONTHLY");
        ReleaseRecord aprilRecord = build(stable("STABLE-MONTHLY", "2025-04"), dir.resolve("april"));
        ReleaseRecord may = build(stable("STABLE-MONTHLY", "2025-05"), dir.resolve("may"));
        // the later release keeps the generalisation the recipient already holds (Rule 34(5))
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (String q : PersonClasses.QUASI) {
            assertThat(json.readTree(may.figures()).path("levels").path(q).asInt())
                    .as(q)
                    .isEqualTo(json.readTree(aprilRecord.figures())
                            .path("levels")
                            .path(q)
                            .asInt());
        }
        Set<String> april = persons(files(dir.resolve("april")));
        Set<String> mayPersons = persons(files(dir.resolve("may")));

        byte[] key = TestAccounts.as("officer", Role.PRIVACY_OFFICER, () -> keys.use("STABLE-MONTHLY", "test"));
        Member member = firstEligibleIn(april, mayPersons, key);
        String pseudonym;
        try (Pseudonyms p = new Pseudonyms(key)) {
            pseudonym = p.person(member.id());
        }
        assertThat(april).contains(pseudonym);
        assertThat(mayPersons).contains(pseudonym);
        Set<String> both = new HashSet<>(april);
        both.retainAll(mayPersons);
        assertThat(both.size()).as("most members are in both months").isGreaterThan(april.size() / 2);
        assertThat(may.figures()).contains("persons in the cumulative person table of the recipient (STABLE)");
        assertThat(json.readTree(may.figures()).path("risk").path("scope").asText())
                .as("the risk is of what the recipient holds")
                .contains("held from the earlier releases joined to it");

        String perRelease =
                stable("STABLE-MONTHLY", "2025-04").replace("pseudonyms: STABLE", "pseudonyms: PER_RELEASE");
        build(perRelease, dir.resolve("april-per-release"));
        build(perRelease.replace("2025-04", "2025-05"), dir.resolve("may-per-release"));
        Set<String> aprilPer = persons(files(dir.resolve("april-per-release")));
        aprilPer.retainAll(persons(files(dir.resolve("may-per-release"))));
        assertThat(aprilPer).as("nothing links two PER_RELEASE releases").isEmpty();
    }

    /** A member released in both months (the pseudonym computed here with the vault's key). */
    private Member firstEligibleIn(Set<String> april, Set<String> may, byte[] key) {
        List<Member> all = new java.util.ArrayList<>();
        registry.forEachMember(all::add);
        try (Pseudonyms p = new Pseudonyms(key)) {
            return all.stream()
                    .filter(m -> m.eligibleOn(LocalDate.of(2025, 5, 31)))
                    .filter(m -> april.contains(p.person(m.id())) && may.contains(p.person(m.id())))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * A later STABLE release to a recipient that holds an earlier one at a finer generalisation
     * (sex and 本人/家族 kept). The search over this release's persons generalises 本人/家族 and
     * releases all six; the cumulative check, at the earlier generalisation, leaves out the one
     * 家族 (a class of one). That person is one of the three holding a diagnosis code, which the
     * search's (k,m)-anonymity kept because three released persons held it.
     */
    @Test
    void noDiagnosisItemsetIsWrittenForFewerThanKReleasedPersonsAfterTheCumulativeCheckLeavesOutAHolder()
            throws Exception {
        YearMonth month = YearMonth.of(2025, 5);
        Map<String, Set<Long>> holders = new TreeMap<>();
        Set<Long> withReceipts = new HashSet<>();
        HealthRecords.ReceiptsRead read =
                records.receipts(month.atDay(1), month.plusMonths(1).atDay(1), r -> withReceipts.add(r.memberId()));
        records.diagnoses(
                read,
                d -> holders.computeIfAbsent(d.code(), c -> new TreeSet<>()).add(d.memberId()));
        List<Long> holdersOfOneCode = holders.values().stream()
                .filter(ids -> ids.size() >= 3)
                .findFirst()
                .map(ids -> ids.stream().limit(3).toList())
                .orElseThrow();
        Map<Long, Member> all = new TreeMap<>();
        registry.forEachMember(m -> all.put(m.id(), m));
        List<Long> withoutReceipts = all.keySet().stream()
                .filter(id -> !withReceipts.contains(id))
                .limit(4)
                .toList();

        long left = holdersOfOneCode.get(0);
        List<Member> eligible = List.of(
                as(all.get(holdersOfOneCode.get(1)), Sex.MALE, MemberKind.INSURED),
                as(all.get(holdersOfOneCode.get(2)), Sex.MALE, MemberKind.INSURED),
                as(all.get(withoutReceipts.get(0)), Sex.MALE, MemberKind.INSURED),
                as(all.get(withoutReceipts.get(1)), Sex.FEMALE, MemberKind.INSURED),
                as(all.get(withoutReceipts.get(2)), Sex.FEMALE, MemberKind.INSURED),
                as(all.get(left), Sex.FEMALE, MemberKind.DEPENDENT));
        // the earlier release: a 本人 woman not in this one, at sex and 本人/家族 kept, the rest at the top
        long earlierOnly = withoutReceipts.get(3);
        CumulativePersons cumulative = new CumulativePersons(
                "STABLE-KM",
                Map.of(earlierOnly, new CumulativePersons.Row(earlierOnly, "2", "1980-05", "本人", "2020-04", "")),
                Map.of("sex", 0, "birth_month", 4, "kind", 0, "enrolled", 3, "withdrawn", 3));
        ReleaseSpec spec = ReleaseSpecReader.read(
                stable("STABLE-KM", month.toString())
                        .replace("  k: 5\n", "  k: 3\n")
                        .replace("suppression: 0.05", "suppression: 0.2")
                        .replace("diagnoses-k: 5", "diagnoses-k: 3")
                        .replace("rare-codes: 5", "rare-codes: 3"),
                "stable-km.yaml");
        Path staging = Files.createDirectories(dir.resolve("staging"));
        ReleaseBuilder.Built built;
        byte[] key = Pseudonyms.randomKey(new java.security.SecureRandom());
        Set<Long> permitted = new HashSet<>();
        eligible.forEach(m -> permitted.add(m.id()));
        try (Pseudonyms pseudonyms = new Pseudonyms(key)) {
            built = new ReleaseBuilder(records)
                    .build(
                            new ReleaseBuilder.Input(
                                    spec,
                                    new ReleaseSpec.Period(month, month),
                                    month.atEndOfMonth(),
                                    eligible,
                                    permitted,
                                    Map.of()),
                            pseudonyms,
                            staging,
                            cumulative);
            Set<String> released = new HashSet<>(column(staging, "persons", 0));
            assertThat(released)
                    .as("the holders kept, the 家族 left out by the cumulative check")
                    .contains(pseudonyms.person(holdersOfOneCode.get(1)), pseudonyms.person(holdersOfOneCode.get(2)))
                    .doesNotContain(pseudonyms.person(left));
        }

        Map<List<String>, Integer> support =
                itemsetSupport(staging, spec.thresholds().diagnosesM());
        assertThat(support)
                .allSatisfy((itemset, persons) -> assertThat(persons)
                        .as("released persons holding %s", itemset)
                        .isGreaterThanOrEqualTo(spec.thresholds().diagnosesK()));
        assertThat(built.figures().processing())
                .hasEntrySatisfying(
                        "diagnosis items suppressed again after the cumulative check (STABLE)",
                        n -> assertThat(n).isPositive());
    }

    /**
     * A STABLE release of three men and three women (k = 3) to a recipient that already holds two
     * more men and four more women, at sex kept and the rest at the top: the recipient's classes are
     * of five and seven, not three, and the figures are of those. One of the women held is eligible
     * now but not released (she counts once in the population, with her held row), and one more man
     * is eligible but not released (he counts in the population only).
     */
    @Test
    void theRiskFiguresOfAStableReleaseAreThoseOfTheCumulativePersonTableTheRecipientHolds() throws Exception {
        YearMonth month = YearMonth.of(2025, 5);
        Set<Long> withReceipts = new HashSet<>();
        records.receipts(month.atDay(1), month.plusMonths(1).atDay(1), r -> withReceipts.add(r.memberId()));
        Map<Long, Member> all = new TreeMap<>();
        registry.forEachMember(m -> all.put(m.id(), m));
        List<Long> ids = all.keySet().stream()
                .filter(id -> !withReceipts.contains(id))
                .limit(13)
                .toList();
        List<Member> released = List.of(
                as(all.get(ids.get(0)), Sex.MALE, MemberKind.INSURED),
                as(all.get(ids.get(1)), Sex.MALE, MemberKind.INSURED),
                as(all.get(ids.get(2)), Sex.MALE, MemberKind.INSURED),
                as(all.get(ids.get(3)), Sex.FEMALE, MemberKind.INSURED),
                as(all.get(ids.get(4)), Sex.FEMALE, MemberKind.INSURED),
                as(all.get(ids.get(5)), Sex.FEMALE, MemberKind.INSURED));
        Member notPermittedMan = as(all.get(ids.get(6)), Sex.MALE, MemberKind.INSURED);
        Member heldWomanEligibleNow = as(all.get(ids.get(10)), Sex.FEMALE, MemberKind.INSURED);
        List<Member> eligible = new ArrayList<>(released);
        eligible.add(notPermittedMan);
        eligible.add(heldWomanEligibleNow);
        Map<Long, CumulativePersons.Row> earlier = new HashMap<>();
        for (int i = 7; i <= 12; i++) {
            long id = ids.get(i);
            earlier.put(id, new CumulativePersons.Row(id, i <= 8 ? "1" : "2", "1980-05", "本人", "2020-04", ""));
        }
        CumulativePersons cumulative = new CumulativePersons(
                "STABLE-RISK", earlier, Map.of("sex", 0, "birth_month", 4, "kind", 1, "enrolled", 3, "withdrawn", 3));
        ReleaseSpec spec = ReleaseSpecReader.read(
                stable("STABLE-RISK", month.toString())
                        .replace("  k: 5\n", "  k: 3\n")
                        .replace("suppression: 0.05", "suppression: 0.2")
                        .replace("diagnoses-k: 5", "diagnoses-k: 3")
                        .replace("rare-codes: 5", "rare-codes: 3"),
                "stable-risk.yaml");
        Set<Long> permitted = new HashSet<>();
        released.forEach(m -> permitted.add(m.id()));
        ReleaseBuilder.Built built;
        try (Pseudonyms pseudonyms = new Pseudonyms(Pseudonyms.randomKey(new java.security.SecureRandom()))) {
            built = new ReleaseBuilder(records)
                    .build(
                            new ReleaseBuilder.Input(
                                    spec,
                                    new ReleaseSpec.Period(month, month),
                                    month.atEndOfMonth(),
                                    eligible,
                                    permitted,
                                    Map.of()),
                            pseudonyms,
                            Files.createDirectories(dir.resolve("staging")),
                            cumulative);
        }

        ReleaseFigures.Risk risk = built.figures().risk();
        assertThat(built.figures().population()).containsEntry("released", 6L);
        // the recipient's table: 3 + 2 men, 3 + 4 women; this release alone would say 1/3, 2/6 and 3
        assertThat(risk.prosecutorHighest()).isCloseTo(1.0 / 5, within(1e-12));
        assertThat(risk.prosecutorAverage()).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(risk.smallestClass()).isEqualTo(5);
        assertThat(risk.recordsAtRisk()).as("no class below k = 3").isZero();
        // the population: 3 + 2 held + 1 not permitted men, 3 + 4 held women (one of them eligible now)
        assertThat(risk.journalistHighest()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(risk.journalistAverage()).isCloseTo((5 * (1.0 / 6) + 7 * (1.0 / 7)) / 12, within(1e-12));
        assertThat(risk.scope()).contains("the 12 persons the recipient holds", "6 held from the earlier releases");
        assertThat(built.figures().processing())
                .containsEntry("smallest class of the cumulative person table (STABLE)", 5L);
    }

    /** The member with the given sex and kind, born and enrolled as every other of the test. */
    private static Member as(Member m, Sex sex, MemberKind kind) {
        return new Member(
                m.id(),
                m.insurerNumber(),
                m.key(),
                kind,
                m.insured(),
                m.nameKanji(),
                m.nameKana(),
                sex,
                LocalDate.of(1980, 5, 6),
                List.of(new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.empty())));
    }

    private static List<String> column(Path staging, String table, int column) throws Exception {
        List<String> lines = Files.readAllLines(staging.resolve(table + ".csv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",", -1)[column])
                .toList();
    }

    /** How many released persons hold each itemset of 1 to m diagnoses the written files show. */
    private static Map<List<String>, Integer> itemsetSupport(Path staging, int m) throws Exception {
        Set<String> released = new HashSet<>(column(staging, "persons", 0));
        Map<String, String> personOf = new HashMap<>();
        List<String> receipts = column(staging, "receipts", 0);
        List<String> persons = column(staging, "receipts", 1);
        for (int i = 0; i < receipts.size(); i++) {
            personOf.put(receipts.get(i), persons.get(i));
        }
        Map<String, TreeSet<String>> diagnoses = new HashMap<>();
        List<String> receiptOf = column(staging, "receipt_diagnoses", 0);
        List<String> codes = column(staging, "receipt_diagnoses", 1);
        for (int i = 0; i < codes.size(); i++) {
            String person = personOf.get(receiptOf.get(i));
            assertThat(released).as("the person of a written diagnosis").contains(person);
            diagnoses.computeIfAbsent(person, p -> new TreeSet<>()).add(codes.get(i));
        }
        Map<List<String>, Integer> support = new HashMap<>();
        diagnoses.values().forEach(items -> count(new ArrayList<>(items), 0, new ArrayList<>(), m, support));
        return support;
    }

    private static void count(
            List<String> items, int from, List<String> prefix, int m, Map<List<String>, Integer> support) {
        for (int i = from; i < items.size(); i++) {
            prefix.add(items.get(i));
            support.merge(List.copyOf(prefix), 1, Integer::sum);
            if (prefix.size() < m) {
                count(items, i + 1, prefix, m, support);
            }
            prefix.remove(prefix.size() - 1);
        }
    }

    @Test
    void onlyAPrivacyOfficerMayUseARecipientsPseudonymKeyAndARefusalIsOnRecord() {
        assertThatThrownBy(() -> TestAccounts.as("clerk", Role.CLERK, () -> keys.use(VENDOR, "curiosity")))
                .isInstanceOf(MyNumberRefusedException.class)
                .hasMessageContaining("privacy officer");
        assertThatThrownBy(() -> TestAccounts.as("auditor", Role.AUDITOR, () -> keys.use(VENDOR, "curiosity")))
                .isInstanceOf(MyNumberRefusedException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'RELEASE_KEY_USED' and outcome = 'REFUSED'"
                                + " and detail like ?",
                        Integer.class,
                        "%" + VENDOR + "%"))
                .isGreaterThanOrEqualTo(2);
    }

    private void addRecipient(String id) throws Exception {
        TestAccounts.operator(() -> recipients.add(new jp.kenpo.privacy.recipients.NewRecipient(
                id,
                jp.kenpo.privacy.recipients.RecipientKind.THIRD_PARTY,
                "株式会社見本継続分析",
                "東京都千代田区見本町4-5-6",
                "代表取締役 見本 二郎",
                List.of(new jp.kenpo.privacy.catalog.PurposeCode(9, 1)),
                "EX-2025-02",
                LocalDate.of(2025, 4, 1),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty())));
    }
}
