package jp.kenpo.privacy.provision;

import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Confirmation records (Art. 30), info-linkage exchanges, the online eligibility register and their retention. */
class RecordsTest extends DatabaseTest {

    @Autowired
    Acquisitions acquisitions;

    @Autowired
    ProvisionRuns runs;

    @Autowired
    RecordsPurge purge;

    @Autowired
    OnlineEligibilityRegister online;

    @Autowired
    ProvisionHistory history;

    @Autowired
    RecipientRegister register;

    @Autowired
    MemberImport memberImport;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String party(RecipientKind kind, String... purposes) {
        String id = kind.name().replace('_', '-') + "-"
                + Long.toString(System.nanoTime(), 36).toUpperCase();
        operator(() -> register.add(new NewRecipient(
                id,
                kind,
                "試験相手方",
                "東京都港区試験1-1",
                "代表者 試験 次郎",
                java.util.Arrays.stream(purposes).map(PurposeCode::parse).toList(),
                "contract-1",
                LocalDate.of(2025, 4, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
        return id;
    }

    Path file(String text) throws Exception {
        Path f = Files.createTempFile(dir, "in-", ".csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anEmployersCheckupResultsBecomeAConfirmationRecordPerMember() throws Exception {
        MemberKey a = TestMembers.register(memberImport);
        MemberKey b = TestMembers.register(memberImport);
        String employer = party(RecipientKind.THIRD_PARTY, "3.8");
        Path in = file("member,date,bmi\n" + a + ",2026-05-10,22\n" + b + ",2026-05-11,25\n" + a + ",2026-05-12,22\n");

        AcquisitionReport r = operator(() -> acquisitions.record(
                new AcquisitionOrder(
                        employer,
                        PurposeCode.parse("3.2"),
                        "労働安全衛生法第66条の定期健康診断として実施",
                        Optional.of(LocalDate.of(2026, 6, 1)),
                        Optional.empty()),
                in,
                "checkups.csv"));

        assertThat(r.record()).isEqualTo("ART30");
        assertThat(r.members()).isEqualTo(2);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.retainedUntil()).isEqualTo(LocalDate.of(2029, 6, 1));
        assertThat(operator(() -> history.ofMember(a))).singleElement().satisfies(e -> {
            assertThat(e.direction()).isEqualTo(ProvisionEntry.Direction.RECEIVED);
            assertThat(e.record()).isEqualTo(RecordKind.CONFIRMATION_RECORD);
            assertThat(e.counterparty()).contains(employer);
            assertThat(e.items()).containsExactly("member", "date", "bmi");
        });
    }

    @Test
    void aReceiptWithUnknownMembersOrNoWayOfObtainingIsRefused() throws Exception {
        String employer = party(RecipientKind.THIRD_PARTY, "3.8");
        MemberKey unknown = MemberKey.parse(TestMembers.freshSymbol() + "-1-00");
        Path in = file("member,bmi\n" + TestMembers.register(memberImport) + ",22\n" + unknown + ",23\n");
        var order =
                new AcquisitionOrder(employer, PurposeCode.parse("3.2"), "定期健康診断", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> operator(() -> acquisitions.record(order, in, "x.csv")))
                .isInstanceOf(ProvisionInputException.class)
                .satisfies(e -> assertThat(((ProvisionInputException) e).problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(3)));
        var silent = new AcquisitionOrder(employer, PurposeCode.parse("3.2"), " ", Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> operator(() -> acquisitions.record(silent, in, "x.csv")))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("obtainedHow"));
    }

    private int acquisitionsFrom(String provider) {
        return jdbc.queryForObject("select count(*) from acquisition where provider_id = ?", Integer.class, provider);
    }

    @Test
    void aReceiptFromAnUnknownProviderOrWithoutAReadableMemberColumnIsRefusedAndRecordsNothing() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String employer = party(RecipientKind.THIRD_PARTY, "3.8");
        var order =
                new AcquisitionOrder(employer, PurposeCode.parse("3.2"), "定期健康診断", Optional.empty(), Optional.empty());

        Path good = file("member,bmi\n" + m + ",22\n");
        Path keyless = file("key,bmi\n" + m + ",22\n");
        Path numbered = file("member,bmi\n123456789018,22\n");
        assertThatThrownBy(() -> operator(() -> acquisitions.record(
                        new AcquisitionOrder(
                                "NOBODY-1", PurposeCode.parse("3.2"), "定期健康診断", Optional.empty(), Optional.empty()),
                        good,
                        "x.csv")))
                .isInstanceOf(jp.kenpo.privacy.recipients.UnknownRecipientException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("provider"));
        assertThatThrownBy(() -> operator(() -> acquisitions.record(order, keyless, "x.csv")))
                .isInstanceOf(ProvisionInputException.class)
                .satisfies(e -> assertThat(((ProvisionInputException) e).problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(1)));
        Path sjis = file("member,name\n" + m + ",");
        Files.write(sjis, "試験\n".getBytes("Windows-31J"), java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> operator(() -> acquisitions.record(order, sjis, "x.csv")))
                .isInstanceOf(ProvisionInputException.class)
                .satisfies(e -> assertThat(((ProvisionInputException) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.reason()).contains("UTF-8");
                        }));
        assertThatThrownBy(() -> operator(() -> acquisitions.record(order, numbered, "x.csv")))
                .isInstanceOf(ProvisionInputException.class)
                .satisfies(e -> assertThat(((ProvisionInputException) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.reason()).doesNotContain("123456789018");
                        }));
        assertThat(acquisitionsFrom(employer)).isZero();
    }

    /**
     * What came in is recorded whatever the register says of the provider now: Art. 30 asks for the
     * record of a receipt, and refusing it would leave data held with no record of where it came
     * from. A row repeated is one member's record, its rows counted.
     */
    @Test
    void aReceiptIsRecordedFromAnEndedProviderForAnyPurposeAndARepeatedRowIsOneMembersRecord() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String employer = party(RecipientKind.THIRD_PARTY, "3.8");
        operator(() -> {
            register.end(employer, SocietyTime.dateOf(Instant.now()).minusDays(1));
            return null;
        });

        Path twice = file("member,bmi\n" + m + ",22\n" + m + ",22\n");
        AcquisitionReport r = operator(() -> acquisitions.record(
                new AcquisitionOrder(employer, PurposeCode.parse("3.2"), "定期健康診断", Optional.empty(), Optional.empty()),
                twice,
                "twice.csv"));

        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.members()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select row_count from acquisition_member where acquisition_id = ?", Integer.class, r.id()))
                .isEqualTo(2);
    }

    @Test
    void infoLinkageBothWaysIsAnExchangeRecordKeptSevenYears() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String institution = party(RecipientKind.PUBLIC_BODY, "7.5", "7.1");
        Instant at = SocietyTime.startOf(LocalDate.of(2026, 6, 1));

        Path out = file("member,benefit\n" + m + ",high-cost\n");
        Path back = file("member,benefit\n" + m + ",paid\n");
        ProvisionReport sent = operator(() -> runs.provide(
                new ProvisionOrder(PurposeCode.parse("7.5"), institution, Optional.of(at), Optional.empty()),
                out,
                "linkage.csv",
                dir.resolve("out")));
        AcquisitionReport received = operator(() -> acquisitions.record(
                new AcquisitionOrder(
                        institution,
                        PurposeCode.parse("7.1"),
                        "情報提供ネットワークシステムによる情報照会への回答",
                        Optional.of(LocalDate.of(2026, 6, 2)),
                        Optional.empty()),
                back,
                "answer.csv"));

        assertThat(history.ofCounterparty(institution))
                .extracting(CounterpartyEntry::record, CounterpartyEntry::direction, CounterpartyEntry::members)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                RecordKind.MY_NUMBER_EXCHANGE, ProvisionEntry.Direction.RECEIVED, 1),
                        org.assertj.core.groups.Tuple.tuple(
                                RecordKind.MY_NUMBER_EXCHANGE, ProvisionEntry.Direction.SENT, 1));
        assertThat(sent.record()).isEqualTo("MY_NUMBER_EXCHANGE");
        assertThat(sent.retainedUntil()).isEqualTo(LocalDate.of(2033, 6, 1));
        assertThat(received.record()).isEqualTo("MY_NUMBER_EXCHANGE");
        assertThat(operator(() -> history.ofMember(m)))
                .extracting(ProvisionEntry::record, ProvisionEntry::direction, ProvisionEntry::on)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                RecordKind.MY_NUMBER_EXCHANGE,
                                ProvisionEntry.Direction.RECEIVED,
                                LocalDate.of(2026, 6, 2)),
                        org.assertj.core.groups.Tuple.tuple(
                                RecordKind.MY_NUMBER_EXCHANGE,
                                ProvisionEntry.Direction.SENT,
                                LocalDate.of(2026, 6, 1)));
    }

    @Test
    void theOnlineEligibilityListIsImportedOncePerRowAndBadRowsAreNamed() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String batch = "ELIG-" + System.nanoTime() + ".csv";
        Path list = file("direction,purpose,batch_file,exchanged_on,member,items\n"
                + "SENT,8.1," + batch + ",2026-06-01," + m + ",資格情報\n"
                + "RECEIVED,8.2," + batch + ",2026-06-03," + m + ",特定健診情報\n");

        assertThat(operator(() -> online.importList(list, "list.csv")))
                .isEqualTo(new OnlineEligibilityRegister.Imported(2, 2, 0));
        assertThat(operator(() -> online.importList(list, "list.csv")))
                .isEqualTo(new OnlineEligibilityRegister.Imported(2, 0, 2));
        assertThat(operator(() -> history.ofMember(m)))
                .extracting(ProvisionEntry::record, ProvisionEntry::purpose, ProvisionEntry::file)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                RecordKind.ONLINE_ELIGIBILITY, PurposeCode.parse("8.2"), batch),
                        org.assertj.core.groups.Tuple.tuple(
                                RecordKind.ONLINE_ELIGIBILITY, PurposeCode.parse("8.1"), batch));

        Path bad = file("direction,purpose,batch_file,exchanged_on,member,items\n"
                + "SENT,8.2," + batch + ",2026-06-01," + m + ",資格情報\n"
                + "SIDEWAYS,8.1," + batch + ",2026-13-01," + m + ",資格情報\n");
        assertThatThrownBy(() -> operator(() -> online.importList(bad, "bad.csv")))
                .isInstanceOf(ProvisionInputException.class)
                .satisfies(e -> assertThat(((ProvisionInputException) e).problems())
                        .extracting(p -> p.line() + " " + p.column())
                        .containsExactly("2 purpose", "3 direction", "3 exchanged_on"));
    }

    @Test
    void purgeDeletesOnlyRecordsPastTheirRetentionEnd() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String employer = party(RecipientKind.THIRD_PARTY, "1.4", "3.8");
        Instant lastYear = SocietyTime.startOf(LocalDate.of(2025, 6, 2));
        Path in = file("member,account\n" + m + ",x\n");
        // 1.4 serves the member: 1 year (PPC Rules Art. 21(i)); 3.8: 3 years (Art. 21(iii))
        ProvisionReport salary = operator(() -> runs.provide(
                new ProvisionOrder(PurposeCode.parse("1.4"), employer, Optional.of(lastYear), Optional.empty()),
                in,
                "salary.csv",
                dir.resolve("o")));
        operator(() -> runs.provide(
                new ProvisionOrder(PurposeCode.parse("3.8"), employer, Optional.of(lastYear), Optional.empty()),
                in,
                "checkup.csv",
                dir.resolve("o")));
        assertThat(salary.retainedUntil()).isEqualTo(LocalDate.of(2026, 6, 2));
        LocalDate today = SocietyTime.dateOf(Instant.now());

        assertThatThrownBy(() -> operator(() -> purge.purge(today.plusDays(1))))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("before"));
        assertThatThrownBy(() -> jdbc.update(
                        "delete from provision_record where member_id = (select id from member where symbol = ?)",
                        m.symbol()))
                .isInstanceOf(DataAccessException.class);

        RecordsPurge.Purged p = operator(() -> purge.purge(today));

        assertThat(p.provisionRecords()).isGreaterThanOrEqualTo(1);
        assertThat(operator(() -> history.ofMember(m)))
                .singleElement()
                .satisfies(e -> assertThat(e.purpose()).isEqualTo(PurposeCode.parse("3.8")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from provision_run where recipient_id = ?", Integer.class, employer))
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("update provision_run set items = 'x' where recipient_id = ?", employer))
                .isInstanceOf(DataAccessException.class);
        List<String> actions =
                jdbc.queryForList("select action from audit_entry where action = 'RECORDS_PURGED'", String.class);
        assertThat(actions).isNotEmpty();
    }
}
