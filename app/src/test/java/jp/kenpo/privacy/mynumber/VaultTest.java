package jp.kenpo.privacy.mynumber;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The vault on the database: sealed storage, reads only for My Number purposes and roles, audited; key rotation. */
class VaultTest extends DatabaseTest {

    private static final PurposeCode WORK = PurposeCode.parse("1.3");
    private static final PurposeCode LINKAGE = PurposeCode.parse("1.8");

    @Autowired
    MyNumberVault vault;

    @Autowired
    MyNumberImport numberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    @Autowired
    AuditReview review;

    @Autowired
    JdbcTemplate jdbc;

    /** Members of a fresh household and a number for each. */
    private Map<MemberKey, String> numbered(int count) {
        String s = TestMembers.freshSymbol();
        var rows = new ArrayList<String>();
        var numbers = new HashMap<MemberKey, String>();
        for (int i = 1; i <= count; i++) {
            rows.add(TestMembers.insured(s, Integer.toString(i), "2020-04-01", null));
            numbers.put(new MemberKey(s, Integer.toString(i), "00"), TestNumbers.next());
        }
        TestMembers.importRows(memberImport, rows);
        operator(() -> numberImport.importCsv(csv(numbers), "numbers.csv", StandardCharsets.UTF_8));
        return numbers;
    }

    private static ByteArrayInputStream csv(Map<MemberKey, String> numbers) {
        var sb = new StringBuilder("member,individual_number\n");
        numbers.forEach((k, n) -> sb.append(k).append(',').append(n).append('\n'));
        return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<AuditEntry> trailOf(MemberKey m) {
        return as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.of(m.toString()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                0,
                                100)))
                .entries();
    }

    @Test
    void aNumberIsReadOnlyForAMyNumberPurposeByItsHandlersAndEveryReadIsAudited() {
        var numbers = numbered(1);
        MemberKey m = numbers.keySet().iterator().next();
        String number = numbers.get(m);

        assertThat(as("clerk", Role.CLERK, () -> vault.read(m, WORK)).reveal()).isEqualTo(number);
        assertThat(as("benefits", Role.SYSTEM, () -> vault.read(m, LINKAGE)).reveal())
                .isEqualTo(number);
        // an info-linkage read names its counterparty (InfoLinkageReadTest)
        assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(m, PurposeCode.parse("7.4"))))
                .isInstanceOf(MyNumberRefusedException.class)
                .hasMessageContaining("counterparty");
        assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(m, PurposeCode.parse("3.8"))))
                .isInstanceOf(MyNumberRefusedException.class)
                .hasMessageContaining("not a My Number purpose");
        assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(m, PurposeCode.parse("8.2"))))
                .isInstanceOf(MyNumberRefusedException.class);
        assertThatThrownBy(() -> as("auditor", Role.AUDITOR, () -> vault.read(m, WORK)))
                .isInstanceOf(MyNumberRefusedException.class)
                .hasMessageContaining("reader-roles");
        assertThatThrownBy(() -> as("officer", Role.PRIVACY_OFFICER, () -> vault.read(m, WORK)))
                .isInstanceOf(MyNumberRefusedException.class);
        assertThatThrownBy(() -> operator(() -> vault.read(m, WORK))).isInstanceOf(MyNumberRefusedException.class);

        assertThat(as("officer", Role.PRIVACY_OFFICER, () -> vault.masked(m)))
                .isEqualTo("********" + number.substring(8));
        assertThatThrownBy(() -> as("auditor", Role.AUDITOR, () -> vault.masked(m)))
                .isInstanceOf(MyNumberRefusedException.class);

        var reads = trailOf(m).stream()
                .filter(e -> e.action() == AuditAction.MY_NUMBER_READ)
                .toList();
        assertThat(reads)
                .extracting(e -> e.purpose().orElse("") + " " + e.outcome() + " " + e.actor())
                .containsExactly(
                        "1.3 SUCCESS clerk",
                        "1.8 SUCCESS benefits",
                        "7.4 REFUSED clerk",
                        "3.8 REFUSED clerk",
                        "8.2 REFUSED clerk",
                        "1.3 REFUSED auditor",
                        "1.3 REFUSED officer",
                        "1.3 REFUSED cli:tests");
        assertThat(trailOf(m))
                .filteredOn(e -> e.action() == AuditAction.MY_NUMBER_MASKED_VIEW)
                .extracting(AuditEntry::outcome)
                .containsExactly(AuditOutcome.SUCCESS, AuditOutcome.REFUSED);
        assertThat(trailOf(m)).allSatisfy(e -> assertThat(e.detail()).doesNotContain(number));
    }

    @Test
    void overTheApiOnlyThePermittedReadAnswersWithTheNumber() {
        var numbers = numbered(1);
        MemberKey m = numbers.keySet().iterator().next();
        var api = api();
        var read = api.postJson("/api/v1/my-numbers/reads", "system", "{\"member\":\"" + m + "\",\"purpose\":\"1.8\"}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("individualNumber").asString()).isEqualTo(numbers.get(m));

        var refused =
                api.postJson("/api/v1/my-numbers/reads", "clerk", "{\"member\":\"" + m + "\",\"purpose\":\"3.8\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("not a My Number purpose");
        assertThat(api.postJson("/api/v1/my-numbers/reads", "auditor", "{\"member\":\"" + m + "\",\"purpose\":\"1.3\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.postJson("/api/v1/my-numbers/reads", "clerk", "{\"purpose\":\"1.3\"}")
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("member");
        var masked = api.get("/api/v1/members/" + m + "/my-number", "clerk");
        assertThat(masked.json().get("individualNumber").asString())
                .isEqualTo("********" + numbers.get(m).substring(8));
        assertThat(masked.body() + refused.body()).doesNotContain(numbers.get(m));
    }

    @Test
    void theDatabaseHoldsNoNumberAndACiphertextOpensOnlyInItsOwnRow() {
        var numbers = numbered(2);
        var keys = new ArrayList<>(numbers.keySet());
        Map<MemberKey, Long> ids = registry.ids(keys);
        var rows = jdbc.queryForList(
                "select member_id, nonce, ciphertext, lookup from individual_number where member_id in (?, ?)",
                ids.get(keys.get(0)),
                ids.get(keys.get(1)));
        assertThat(rows).hasSize(2);
        for (var row : rows) {
            String all = new String((byte[]) row.get("ciphertext"), StandardCharsets.ISO_8859_1) + row.get("lookup");
            numbers.values().forEach(n -> assertThat(all).doesNotContain(n));
            assertThat(((byte[]) row.get("nonce")).length).isEqualTo(12);
            assertThat(((byte[]) row.get("ciphertext")).length)
                    .as("12 digits and a 16-byte tag")
                    .isEqualTo(28);
        }
        // move the first member's sealed number into the second member's row
        jdbc.update(
                "update individual_number set nonce = ?, ciphertext = ? where member_id = ?",
                rows.get(0).get("nonce"),
                rows.get(0).get("ciphertext"),
                rows.get(1).get("member_id"));
        MemberKey second = keys.stream()
                .filter(k -> ids.get(k).equals(((Number) rows.get(1).get("member_id")).longValue()))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(second, WORK)))
                .isInstanceOf(Gcm.VaultIntegrityException.class);
        jdbc.update(
                "update individual_number set nonce = ?, ciphertext = ? where member_id = ?",
                rows.get(1).get("nonce"),
                rows.get(1).get("ciphertext"),
                rows.get(1).get("member_id"));
        assertThat(as("clerk", Role.CLERK, () -> vault.read(second, WORK)).reveal())
                .isEqualTo(numbers.get(second));
    }

    @Test
    void anImportIsAllOrNothingAndNamesLinesNotNumbers() {
        var numbers = numbered(2);
        var keys = new ArrayList<>(numbers.keySet());
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(s, "1", "2020-04-01", null)));
        String good = TestNumbers.next();
        String typo = good.substring(0, 11) + (char) ('0' + (good.charAt(11) - '0' + 1) % 10);
        String file = "member,individual_number\n"
                + s + "-1-00," + typo + "\n"
                + "NOBODY-1-00," + TestNumbers.next() + "\n"
                + s + "-1-00," + numbers.get(keys.get(0)) + "\n"
                + keys.get(1) + ",12345\n";
        var rejected = org.assertj.core.api.Assertions.catchThrowableOfType(
                ImportRejectedException.class,
                () -> operator(() -> numberImport.importCsv(
                        new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                        "bad.csv",
                        StandardCharsets.UTF_8)));
        assertThat(rejected.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "bad.csv:2: column individual_number: the check digit of the individual number does not match (番号法施行令第8条)",
                        "bad.csv:3: column member: no member NOBODY-1-00 in the registry",
                        "bad.csv:4: column individual_number: this number is registered to another member",
                        "bad.csv:5: column individual_number: an individual number has exactly 12 digits");
        assertThat(rejected.getMessage() + rejected.problems())
                .doesNotContain(typo)
                .doesNotContain(numbers.get(keys.get(0)));
        var refusal = as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.empty(),
                                Optional.of("cli:tests"),
                                Optional.of(AuditAction.MY_NUMBERS_IMPORTED),
                                Optional.empty(),
                                Optional.empty(),
                                0,
                                1000)))
                .entries()
                .stream()
                .filter(e -> e.detail().contains("bad.csv"))
                .toList();
        assertThat(refusal)
                .as("the rolled-back import is on record")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
                    assertThat(e.detail())
                            .isEqualTo(
                                    "refused: bad.csv: 4 problems: line 2 column individual_number, line 3 column "
                                            + "member, line 4 column individual_number, line 5 column individual_number; nothing stored");
                });
        assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(MemberKey.parse(s + "-1-00"), WORK)))
                .isInstanceOf(NoIndividualNumberException.class);

        var replaced = operator(
                () -> numberImport.importCsv(csv(Map.of(keys.get(0), good)), "fix.csv", StandardCharsets.UTF_8));
        assertThat(replaced.replaced()).isEqualTo(1);
        assertThat(as("clerk", Role.CLERK, () -> vault.read(keys.get(0), WORK)).reveal())
                .isEqualTo(good);
    }

    @Test
    void onlyTheHandlersAndTheOperatorImportNumbers() {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(s, "1", "2020-04-01", null)));
        MemberKey m = MemberKey.parse(s + "-1-00");
        String number = TestNumbers.next();
        for (Role role : List.of(Role.PRIVACY_OFFICER, Role.AUDITOR, Role.MEMBER)) {
            assertThatThrownBy(() -> as(
                            "importer-" + s,
                            role,
                            () -> numberImport.importCsv(
                                    csv(Map.of(m, number)), "numbers.csv", StandardCharsets.UTF_8)))
                    .as(role.name())
                    .isInstanceOf(MyNumberRefusedException.class)
                    .hasMessageContaining("reader-roles");
        }
        assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(m, WORK)))
                .as("nothing stored")
                .isInstanceOf(NoIndividualNumberException.class);
        assertThat(as(
                                "auditor",
                                Role.AUDITOR,
                                () -> review.search(new AuditQuery(
                                        Optional.empty(),
                                        Optional.of("importer-" + s),
                                        Optional.of(AuditAction.MY_NUMBERS_IMPORTED),
                                        Optional.empty(),
                                        Optional.empty(),
                                        0,
                                        10)))
                        .entries())
                .extracting(AuditEntry::outcome)
                .containsExactly(AuditOutcome.REFUSED, AuditOutcome.REFUSED, AuditOutcome.REFUSED);

        assertThat(as(
                                "clerk",
                                Role.CLERK,
                                () -> numberImport.importCsv(
                                        csv(Map.of(m, number)), "numbers.csv", StandardCharsets.UTF_8))
                        .added())
                .as("a handler imports")
                .isEqualTo(1);
        assertThat(as("clerk", Role.CLERK, () -> vault.read(m, WORK)).reveal()).isEqualTo(number);
    }

    @Test
    void aReadThatFindsNoNumberIsAuditedAsRefused() {
        MemberKey m = TestMembers.register(memberImport);
        var api = api();
        assertThat(api.postJson("/api/v1/my-numbers/reads", "clerk", "{\"member\":\"" + m + "\",\"purpose\":\"1.3\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/members/" + m + "/my-number", "clerk").status())
                .isEqualTo(404);
        assertThat(trailOf(m))
                .filteredOn(e -> e.action() != AuditAction.MEMBERS_IMPORTED)
                .extracting(
                        e -> e.action() + " " + e.outcome() + " " + e.purpose().orElse("-") + " " + e.detail())
                .containsExactly(
                        "MY_NUMBER_READ REFUSED 1.3 refused: no individual number on file",
                        "MY_NUMBER_MASKED_VIEW REFUSED - refused: no individual number on file");
    }

    @Test
    void aBatchReadIsOneEntryNamingItsPopulationAndPurposeCommittedBeforeAnyNumberIsHandedOut() throws Exception {
        var numbers = numbered(30);
        var population = new ArrayList<>(numbers.keySet());
        population.add(MemberKey.parse("NOBODY-1-00"));
        String actor = "linkage-" + population.get(0).symbol();
        var read = new HashMap<MemberKey, String>();
        var committedBeforeFirst = new ArrayList<Integer>();
        int n = as(
                actor,
                Role.SYSTEM,
                () -> vault.readAll(population, LINKAGE, (k, num) -> {
                    if (read.isEmpty()) {
                        // another thread, outside the read's transaction, sees only what is committed
                        committedBeforeFirst.add(CompletableFuture.supplyAsync(() -> jdbc.queryForObject(
                                        "select count(*) from audit_entry where actor = ? and action = 'MY_NUMBERS_READ'",
                                        Integer.class,
                                        actor))
                                .join());
                    }
                    read.put(k, num.reveal());
                }));
        assertThat(n).isEqualTo(30);
        assertThat(read).isEqualTo(numbers);
        assertThat(committedBeforeFirst)
                .as("the entry was durable before the first number left")
                .containsExactly(1);

        var list = new StringBuilder();
        population.forEach(k -> list.append(k).append('\n'));
        String sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(list.toString().getBytes(StandardCharsets.UTF_8)));
        var entries = as(
                "auditor",
                Role.AUDITOR,
                () -> review.search(new AuditQuery(
                        Optional.empty(),
                        Optional.of(actor),
                        Optional.of(AuditAction.MY_NUMBERS_READ),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        10)));
        assertThat(entries.entries()).singleElement().satisfies(e -> {
            assertThat(e.detail())
                    .isEqualTo("population: 31 listed members, list sha256 " + sha
                            + "; 30 with a number on file, read for purpose 1.8");
            assertThat(e.purpose()).hasValue("1.8");
        });
    }

    @Test
    void aLargePopulationIsReadInOnePassWithTheSameAnswers() {
        // more than the vault and the registry look up by lists of keys (5,000)
        var numbers = numbered(5_001);
        var population = new ArrayList<>(numbers.keySet());
        var read = new HashMap<MemberKey, String>();
        int n = as(
                "linkage-large",
                Role.SYSTEM,
                () -> vault.readAll(population, LINKAGE, (k, num) -> read.put(k, num.reveal())));
        assertThat(n).isEqualTo(5_001);
        assertThat(read).isEqualTo(numbers);
    }

    /**
     * A rotation as an operator does it: configure the new key with the old one as previous,
     * re-wrap, drop the old one. The running vault goes on reading with the data keys it holds.
     */
    @Test
    void keyRotationRewrapsTheDataKeysWithoutTouchingTheNumbers() throws Exception {
        var numbers = numbered(3);
        MemberKey m = numbers.keySet().iterator().next();
        String before = jdbc.queryForObject(
                "select count(*) || ':' || sum(length(ciphertext)) from individual_number", String.class);
        String oldKey = "file:" + MASTER_KEY;
        String newKey = "file:" + newKeyFile();
        var clock = Clock.systemUTC();

        int rewrapped = keys(newKey, oldKey).rewrap();
        assertThat(rewrapped).isPositive();
        try {
            VaultKeys onlyNew = keys(newKey);
            assertThat(onlyNew.wrappings())
                    .singleElement()
                    .satisfies(w -> assertThat(w.current()).isTrue());
            var rotated = new MyNumberVault(
                    new VaultRows(jdbc),
                    onlyNew,
                    new VaultAccess(context.getBean(AuditTrail.class), properties(newKey)),
                    registry,
                    context.getBean(CatalogService.class),
                    context.getBean(AuditTrail.class),
                    context.getBean(jp.kenpo.privacy.provision.MyNumberExchanges.class),
                    context.getBean(PlatformTransactionManager.class),
                    clock);
            assertThat(as("clerk", Role.CLERK, () -> rotated.read(m, WORK)).reveal())
                    .isEqualTo(numbers.get(m));
            assertThat(as("clerk", Role.CLERK, () -> vault.read(m, WORK)).reveal())
                    .as("the running vault")
                    .isEqualTo(numbers.get(m));
            assertThatThrownBy(
                            () -> keys(oldKey).key(jdbc.queryForObject("select min(id) from vault_key", Integer.class)))
                    .isInstanceOf(VaultUnavailableException.class)
                    .hasMessageContaining("previous-master-keys");
        } finally {
            // back to the run's key, so that other tests find the vault as configured
            keys(oldKey, newKey).rewrap();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) || ':' || sum(length(ciphertext)) from individual_number", String.class))
                .isEqualTo(before);
        assertThat(keys(oldKey).wrappings())
                .allSatisfy(w -> assertThat(w.current()).isTrue());
    }

    /**
     * A recipient's STABLE pseudonym key (PPC Rules Art. 35) is wrapped like the vault's own keys:
     * a rotation re-wraps it, it stays the same key, and the old master key alone no longer opens it.
     * Its wrapping is bound to its recipient: moved to another, it does not open.
     */
    @Test
    void keyRotationRewrapsTheRecipientsPseudonymKeysToo() {
        String recipient = "ROTATION-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String oldKey = "file:" + MASTER_KEY;
        String newKey = "file:" + newKeyFile();
        byte[] made = as(
                "officer",
                Role.PRIVACY_OFFICER,
                () -> pseudonymKeys(keys(oldKey)).use(recipient, "test"));
        assertThat(made).hasSize(32);

        assertThat(keys(newKey, oldKey).rewrap()).isPositive();
        try {
            assertThat(jdbc.queryForObject(
                            "select master_key_id from pseudonym_key where recipient = ?", String.class, recipient))
                    .isEqualTo(keys(newKey).currentMasterKeyId());
            assertThat(keys(newKey).wrappings())
                    .singleElement()
                    .satisfies(w -> assertThat(w.pseudonymKeys()).isPositive());
            byte[] after = as(
                    "officer",
                    Role.PRIVACY_OFFICER,
                    () -> pseudonymKeys(keys(newKey)).use(recipient, "test"));
            assertThat(after).isEqualTo(made);
            assertThatThrownBy(() -> as(
                            "officer",
                            Role.PRIVACY_OFFICER,
                            () -> pseudonymKeys(keys(oldKey)).use(recipient, "test")))
                    .isInstanceOf(VaultUnavailableException.class)
                    .hasMessageContaining("previous-master-keys");
        } finally {
            keys(oldKey, newKey).rewrap();
        }
        String moved = recipient + "-MOVED";
        jdbc.update(
                "insert into pseudonym_key (recipient, master_key_id, wrapped, created_at)"
                        + " select ?, master_key_id, wrapped, created_at from pseudonym_key where recipient = ?",
                moved,
                recipient);
        assertThatThrownBy(() -> as(
                        "officer",
                        Role.PRIVACY_OFFICER,
                        () -> pseudonymKeys(keys(oldKey)).use(moved, "test")))
                .isInstanceOf(Gcm.VaultIntegrityException.class);
    }

    private PseudonymKeys pseudonymKeys(VaultKeys keys) {
        return new PseudonymKeys(
                keys,
                jdbc,
                context.getBean(PlatformTransactionManager.class),
                context.getBean(AuditTrail.class),
                Clock.systemUTC());
    }

    private VaultKeys keys(String current, String... previous) {
        return new VaultKeys(
                jdbc,
                context.getBean(PlatformTransactionManager.class),
                properties(current, previous),
                Clock.systemUTC());
    }

    private static VaultProperties properties(String current, String... previous) {
        return new VaultProperties(
                current,
                List.of(previous),
                null,
                Set.of(Role.CLERK, Role.SYSTEM),
                Set.of(Role.PRIVACY_OFFICER, Role.CLERK));
    }
}
