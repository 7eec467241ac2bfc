package jp.kenpo.privacy.mynumber;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.CounterpartyEntry;
import jp.kenpo.privacy.provision.ExchangeOrder;
import jp.kenpo.privacy.provision.ProvisionEntry;
import jp.kenpo.privacy.provision.ProvisionEntry.Direction;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.provision.RecordKind;
import jp.kenpo.privacy.provision.RecordsPurge;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads of individual numbers for the info-linkage (category 7): each names the other institution
 * and becomes an exchange record (情報提供等の記録, My Number Act Art. 23(1)), per member and per
 * counterparty, kept 7 years.
 */
class InfoLinkageReadTest extends DatabaseTest {

    private static final PurposeCode BENEFITS_ASKED = PurposeCode.parse("7.1");
    private static final PurposeCode BENEFITS_GIVEN = PurposeCode.parse("7.5");
    private static final List<String> ITEMS = List.of("給付情報", "高額療養費支給額");

    @Autowired
    MyNumberVault vault;

    @Autowired
    MyNumberImport numberImport;

    @Autowired
    MemberImport memberImport;

    @Autowired
    RecipientRegister register;

    @Autowired
    ProvisionHistory history;

    @Autowired
    RecordsPurge purge;

    @Autowired
    AuditReview review;

    @Autowired
    JdbcTemplate jdbc;

    private Map<MemberKey, String> numbered(int count) {
        String s = TestMembers.freshSymbol();
        var rows = new ArrayList<String>();
        var numbers = new HashMap<MemberKey, String>();
        for (int i = 1; i <= count; i++) {
            rows.add(TestMembers.insured(s, Integer.toString(i), "2020-04-01", null));
            numbers.put(new MemberKey(s, Integer.toString(i), "00"), TestNumbers.next());
        }
        TestMembers.importRows(memberImport, rows);
        var csv = new StringBuilder("member,individual_number\n");
        numbers.forEach((k, n) -> csv.append(k).append(',').append(n).append('\n'));
        operator(() -> numberImport.importCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "numbers.csv",
                StandardCharsets.UTF_8));
        return numbers;
    }

    private String institution(RecipientKind kind, String... purposes) {
        String id = kind.name().replace('_', '-') + "-"
                + Long.toString(System.nanoTime(), 36).toUpperCase();
        operator(() -> register.add(new NewRecipient(
                id,
                kind,
                "試験市",
                "東京都試験区1-1",
                "市長 試験 太郎",
                Arrays.stream(purposes).map(PurposeCode::parse).toList(),
                "linkage-1",
                LocalDate.of(2025, 4, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
        return id;
    }

    private static Optional<ExchangeOrder> with(String counterparty, List<String> items) {
        return Optional.of(new ExchangeOrder(counterparty, items));
    }

    private List<AuditEntry> trailOf(MemberKey m) {
        return as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(new AuditQuery(
                                Optional.of(m.toString()),
                                Optional.empty(),
                                Optional.of(AuditAction.MY_NUMBER_READ),
                                Optional.empty(),
                                Optional.empty(),
                                0,
                                100)))
                .entries();
    }

    private int exchangesOf(String counterparty) {
        return jdbc.queryForObject(
                "select count(*) from my_number_exchange where counterparty_id = ?", Integer.class, counterparty);
    }

    @Test
    void anInfoLinkageReadNamesItsCounterpartyAndBecomesAnExchangeRecordOfTheMember() {
        var numbers = numbered(1);
        MemberKey m = numbers.keySet().iterator().next();
        String city = institution(RecipientKind.PUBLIC_BODY, "7.1", "7.5");
        LocalDate today = SocietyTime.dateOf(Instant.now());

        assertThat(as("clerk", Role.CLERK, () -> vault.read(m, BENEFITS_ASKED, with(city, ITEMS)))
                        .reveal())
                .isEqualTo(numbers.get(m));
        as("clerk", Role.CLERK, () -> vault.read(m, BENEFITS_GIVEN, with(city, List.of("給付情報"))));

        List<ProvisionEntry> records = operator(() -> history.ofMember(m));
        assertThat(records)
                .extracting(ProvisionEntry::record, ProvisionEntry::direction, ProvisionEntry::purpose)
                .containsExactlyInAnyOrder(
                        tuple(RecordKind.MY_NUMBER_EXCHANGE, Direction.RECEIVED, BENEFITS_ASKED),
                        tuple(RecordKind.MY_NUMBER_EXCHANGE, Direction.SENT, BENEFITS_GIVEN));
        assertThat(records)
                .filteredOn(e -> e.purpose().equals(BENEFITS_ASKED))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.counterparty()).contains(city);
                    assertThat(e.counterpartyName()).isEqualTo("試験市");
                    assertThat(e.counterpartyAddress()).isEqualTo("東京都試験区1-1");
                    assertThat(e.items()).isEqualTo(ITEMS);
                    assertThat(e.on()).isEqualTo(today);
                    assertThat(e.retainedUntil()).isEqualTo(today.plusYears(7));
                    assertThat(e.file()).startsWith("info-linkage exchange #");
                });
        assertThat(history.ofCounterparty(city))
                .extracting(CounterpartyEntry::record, CounterpartyEntry::members, CounterpartyEntry::retainedUntil)
                .containsExactly(
                        tuple(RecordKind.MY_NUMBER_EXCHANGE, 1, today.plusYears(7)),
                        tuple(RecordKind.MY_NUMBER_EXCHANGE, 1, today.plusYears(7)));
        assertThat(trailOf(m))
                .extracting(AuditEntry::detail)
                .allSatisfy(d -> assertThat(d).contains("exchange record").contains(city))
                .allSatisfy(d -> assertThat(d).doesNotContain(numbers.get(m)));
    }

    @Test
    void anInfoLinkageReadWithoutACounterpartyTheRegisterAllowsIsRefusedAuditedAndLeavesNoRecord() {
        var numbers = numbered(1);
        MemberKey m = numbers.keySet().iterator().next();
        String city = institution(RecipientKind.PUBLIC_BODY, "7.1");
        String onlyProvides = institution(RecipientKind.PUBLIC_BODY, "7.5");
        String employer = institution(RecipientKind.THIRD_PARTY, "3.8");
        String ended = institution(RecipientKind.PUBLIC_BODY, "7.1");
        operator(() -> {
            register.end(ended, SocietyTime.dateOf(Instant.now()));
            return null;
        });

        record Refusal(Optional<ExchangeOrder> exchange, String says) {}
        var refusals = List.of(
                new Refusal(Optional.empty(), "counterparty: purpose 7.1 is an info-linkage purpose"),
                new Refusal(with(" ", ITEMS), "counterparty: purpose 7.1 is an info-linkage purpose"),
                new Refusal(with("NOBODY-1", ITEMS), "counterparty: no recipient NOBODY-1 in the register"),
                new Refusal(with(employer, ITEMS), "is a THIRD_PARTY, which takes no MY_NUMBER_RECEIPT flow"),
                new Refusal(with(onlyProvides, ITEMS), "is not registered for purpose 7.1"),
                new Refusal(with(ended, ITEMS), "does not cover"),
                new Refusal(with(city, List.of()), "items: name the items exchanged"),
                new Refusal(with(city, List.of("給付情報", "a\u0007b")), "items: item 2 contains a control character"));
        for (Refusal r : refusals) {
            assertThatThrownBy(() -> as("clerk", Role.CLERK, () -> vault.read(m, BENEFITS_ASKED, r.exchange())))
                    .as(r.says())
                    .isInstanceOf(MyNumberRefusedException.class)
                    .hasMessageContaining(r.says());
        }
        assertThatThrownBy(() ->
                        as("clerk", Role.CLERK, () -> vault.read(m, PurposeCode.parse("1.3"), with(city, ITEMS))))
                .isInstanceOf(MyNumberRefusedException.class)
                .hasMessageContaining("purpose 1.3 is no info-linkage");

        assertThat(trailOf(m))
                .extracting(AuditEntry::outcome)
                .hasSize(refusals.size() + 1)
                .containsOnly(AuditOutcome.REFUSED);
        assertThat(operator(() -> history.ofMember(m))).isEmpty();
        assertThat(exchangesOf(city) + exchangesOf(ended) + exchangesOf(onlyProvides) + exchangesOf(employer))
                .isZero();
        // a purpose that is no info-linkage reads as before, naming nobody
        assertThat(as("clerk", Role.CLERK, () -> vault.read(m, PurposeCode.parse("1.3")))
                        .reveal())
                .isEqualTo(numbers.get(m));
        assertThat(operator(() -> history.ofMember(m))).isEmpty();
    }

    @Test
    void aBatchLinkageReadRecordsEveryMemberReadCommittedBeforeTheFirstNumberLeaves() {
        var numbers = numbered(40);
        var population = new ArrayList<>(numbers.keySet());
        population.add(MemberKey.parse(TestMembers.freshSymbol() + "-1-00"));
        String city = institution(RecipientKind.PUBLIC_BODY, "7.1");
        var recordedBeforeFirst = new ArrayList<Integer>();
        var read = new HashMap<MemberKey, String>();

        int n = as(
                "linkage-batch",
                Role.SYSTEM,
                () -> vault.readAll(population, BENEFITS_ASKED, with(city, ITEMS), (k, num) -> {
                    if (read.isEmpty()) {
                        // another connection sees only what is committed
                        recordedBeforeFirst.add(
                                CompletableFuture.supplyAsync(() -> jdbc.queryForObject("""
                                        select count(*) from my_number_exchange_member m
                                          join my_number_exchange x on x.id = m.exchange_id
                                         where x.counterparty_id = ?""", Integer.class, city))
                                        .join());
                    }
                    read.put(k, num.reveal());
                }));

        assertThat(n).isEqualTo(40);
        assertThat(read).isEqualTo(numbers);
        assertThat(recordedBeforeFirst)
                .as("the records were durable before a number left")
                .containsExactly(40);
        assertThat(history.ofCounterparty(city)).singleElement().satisfies(e -> {
            assertThat(e.members()).isEqualTo(40);
            assertThat(e.direction()).isEqualTo(Direction.RECEIVED);
            assertThat(e.purpose()).isEqualTo(BENEFITS_ASKED);
        });
        MemberKey one = numbers.keySet().iterator().next();
        assertThat(operator(() -> history.ofMember(one)))
                .singleElement()
                .satisfies(e -> assertThat(e.counterparty()).contains(city));

        assertThatThrownBy(() -> as(
                        "linkage-batch",
                        Role.SYSTEM,
                        () -> vault.readAll(population, BENEFITS_ASKED, (k, num) -> {
                            throw new AssertionError("no number may leave");
                        })))
                .isInstanceOf(MyNumberRefusedException.class)
                .hasMessageContaining("counterparty");
        assertThat(exchangesOf(city)).isOne();
    }

    @Test
    void exchangeRecordsAreKeptSevenYearsUnchangedAndPurgedOnlyPastTheirEnd() {
        var numbers = numbered(1);
        MemberKey m = numbers.keySet().iterator().next();
        String city = institution(RecipientKind.PUBLIC_BODY, "7.1");
        as("clerk", Role.CLERK, () -> vault.read(m, BENEFITS_ASKED, with(city, ITEMS)));
        long member = jdbc.queryForObject(
                "select member_id from my_number_exchange_member m join my_number_exchange x on x.id = m.exchange_id"
                        + " where x.counterparty_id = ?",
                Long.class,
                city);
        // an exchange of eight years ago, as one made then would stand now
        LocalDate then = SocietyTime.dateOf(Instant.now()).minusYears(8);
        jdbc.update("""
                insert into my_number_exchange (counterparty_id, counterparty_name, counterparty_address,
                       counterparty_representative, purpose_code, direction, items, exchanged_at, exchanged_on, read_by,
                       members, retention_until)
                values (?, '試験市', '東京都試験区1-1', '市長 試験 太郎', '7.1', 'RECEIVED', '給付情報', ?, ?, 'clerk', 1, ?)""", city, java.sql.Timestamp.valueOf(then.atStartOfDay()), then, then.plusYears(7));
        jdbc.update("""
                insert into my_number_exchange_member (exchange_id, member_id, exchanged_on, retention_until)
                select max(id), ?, ?, ? from my_number_exchange where counterparty_id = ?""", member, then, then.plusYears(7), city);
        assertThat(operator(() -> history.ofMember(m))).hasSize(2);

        assertThatThrownBy(
                        () -> jdbc.update("update my_number_exchange set items = 'x' where counterparty_id = ?", city))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update(
                        "delete from my_number_exchange_member where member_id = ? and exchanged_on > ?", member, then))
                .isInstanceOf(DataAccessException.class);

        RecordsPurge.Purged p = operator(() -> purge.purge(SocietyTime.dateOf(Instant.now())));

        assertThat(p.exchangeRecords()).isGreaterThanOrEqualTo(1);
        assertThat(p.exchanges()).isGreaterThanOrEqualTo(1);
        assertThat(operator(() -> history.ofMember(m)))
                .singleElement()
                .satisfies(e -> assertThat(e.on()).isEqualTo(SocietyTime.dateOf(Instant.now())));
        assertThat(exchangesOf(city)).isOne();
    }

    @Test
    void overTheApiALinkageReadNamesItsCounterpartyAndTheMemberSeesTheRecord() {
        var numbers = numbered(1);
        MemberKey m = numbers.keySet().iterator().next();
        String city = institution(RecipientKind.PUBLIC_BODY, "7.1");
        var api = api();

        var refused =
                api.postJson("/api/v1/my-numbers/reads", "system", "{\"member\":\"" + m + "\",\"purpose\":\"7.1\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("counterparty");

        var read = api.postJson(
                "/api/v1/my-numbers/reads",
                "system",
                "{\"member\":\"" + m + "\",\"purpose\":\"7.1\",\"counterparty\":\"" + city
                        + "\",\"items\":[\"給付情報\"]}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("individualNumber").asString()).isEqualTo(numbers.get(m));

        var records = api.get("/api/v1/members/" + m + "/provisions", "clerk");
        assertThat(records.status()).isEqualTo(200);
        assertThat(records.json().get(0).get("record").asString()).isEqualTo("MY_NUMBER_EXCHANGE");
        assertThat(records.json().get(0).get("counterparty").asString()).isEqualTo(city);
        assertThat(records.body()).doesNotContain(numbers.get(m));
    }
}
