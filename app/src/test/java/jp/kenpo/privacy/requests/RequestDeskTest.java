package jp.kenpo.privacy.requests;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.members.IdentityCorrection;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.mynumber.MyNumberImport;
import jp.kenpo.privacy.provision.ProvisionOrder;
import jp.kenpo.privacy.provision.ProvisionRuns;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class RequestDeskTest extends DatabaseTest {

    private static final PurposeCode DEEMED_PROVISION = PurposeCode.parse("3.8");
    private static final PurposeCode LEGAL_USE = PurposeCode.parse("1.1");

    @Autowired
    RequestDesk desk;

    @Autowired
    MemberImport memberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    MyNumberImport numberImport;

    @Autowired
    AuditReview review;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecipientRegister recipients;

    @Autowired
    ProvisionRuns provisions;

    private static <T> T clerk(Supplier<T> work) {
        return as("clerk", Role.CLERK, work);
    }

    private static LocalDate today() {
        return SocietyTime.dateOf(java.time.Instant.now());
    }

    private RightsRequest file(MemberKey m, RequestKind kind, PurposeCode purpose, Requester by) {
        return clerk(() -> desk.file(
                new NewRequest(
                        m,
                        kind,
                        Optional.ofNullable(purpose),
                        by,
                        Channel.PAPER,
                        today(),
                        kind.isDisclosure() ? Optional.of(DeliveryForm.ELECTRONIC) : Optional.empty(),
                        0),
                "clerk"));
    }

    private RightsRequest verified(MemberKey m, RequestKind kind, PurposeCode purpose) {
        RightsRequest r = file(m, kind, purpose, Requester.SELF);
        return clerk(() -> desk.verify(r.id(), IdentityCheck.DRIVERS_LICENSE, Optional.empty(), "clerk"));
    }

    private Map<String, String> answer(long id) {
        AnswerPackage pack = clerk(() -> desk.answer(id, "clerk", p -> {}));
        return unzip(pack.zip());
    }

    private static Map<String, String> unzip(byte[] zip) {
        var files = new HashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private List<AuditEntry> trail(MemberKey m) {
        return TestAccounts.trailOf(review, "clerk").stream()
                .filter(e -> e.members().contains(m.toString()))
                .toList();
    }

    @Test
    void aDisclosureGoesFromReceivedToAnsweredAndEveryStepIsAuditedAndKept() {
        MemberKey m = TestMembers.register(memberImport);
        String number = TestNumbers.next();
        TestAccounts.operator(() -> numberImport.importCsv(
                new ByteArrayInputStream(
                        ("member,individual_number\n" + m + "," + number + "\n").getBytes(StandardCharsets.UTF_8)),
                "requests.csv",
                StandardCharsets.UTF_8));
        RightsRequest filed = file(m, RequestKind.DISCLOSE, null, Requester.SELF);
        assertThat(filed.state()).isEqualTo(RequestState.RECEIVED);
        assertThat(filed.deadline()).as("遅滞なく: 14 days by default").isEqualTo(today().plusDays(14));

        clerk(() -> desk.verify(filed.id(), IdentityCheck.MY_NUMBER_CARD, Optional.empty(), "clerk"));
        RightsRequest decided = clerk(() -> desk.decide(filed.id(), Decision.of(Outcome.FULL, null), "clerk"))
                .request();
        assertThat(decided.state()).isEqualTo(RequestState.DECIDED);
        Map<String, String> files = answer(filed.id());

        assertThat(files).containsOnlyKeys("report.html", "data.json");
        assertThat(files.get("report.html"))
                .contains("保有個人データの開示請求に対する回答")
                .contains("試験 太郎")
                .contains("2020-04-01")
                .contains("@media print")
                .contains("登録あり（********" + number.substring(8) + "）");
        for (String file : files.values()) {
            assertThat(file).as("never the individual number").doesNotContain(number);
        }
        assertThat(files.get("data.json"))
                .contains("\"nameKana\"")
                .contains("\"purposes\"")
                .contains("\"healthData\"");
        RequestDesk.RequestFile shown = clerk(() -> desk.show(filed.id()));
        assertThat(shown.request().state()).isEqualTo(RequestState.ANSWERED);
        assertThat(shown.request().answeredOn()).contains(today());
        assertThat(shown.history())
                .extracting(RequestEvent::state)
                .containsExactly(
                        RequestState.RECEIVED,
                        RequestState.IDENTITY_VERIFIED,
                        RequestState.DECIDED,
                        RequestState.ANSWERED);
        assertThat(shown.history().get(1).method()).contains(IdentityCheck.MY_NUMBER_CARD);
        assertThat(shown.history().get(3).answerSha256()).isPresent();
        assertThat(trail(m))
                .extracting(AuditEntry::action)
                .contains(
                        AuditAction.REQUEST_FILED,
                        AuditAction.REQUEST_IDENTITY_VERIFIED,
                        AuditAction.REQUEST_DECIDED,
                        AuditAction.REQUEST_ANSWERED,
                        AuditAction.REQUEST_READ);
    }

    @Test
    void eachReceiptIsDisclosedOnlyWhenTheMemberAskedForTheDetail() {
        MemberKey m = TestMembers.register(memberImport);
        long memberId = registry.require(m).id();
        String sha = java.util.HexFormat.of()
                .formatHex(java.nio.ByteBuffer.allocate(32)
                        .putLong(memberId)
                        .putLong(System.nanoTime())
                        .array());
        jdbc.update(
                "insert into health_data_file (kind, sha256, name, size_bytes, imported_at, imported_by, records, linked, quarantined)"
                        + " values ('RECEIPT', ?, 'detail-test', 0, current_timestamp, 'test', 2, 2, 0)",
                sha);
        long file = jdbc.queryForObject("select id from health_data_file where sha256 = ?", Long.class, sha);
        for (int seq = 1; seq <= 2; seq++) {
            jdbc.update(
                    "insert into receipt (file_id, seq, line, member_id, kind, receipt_type, treatment_month, inpatient,"
                            + " facility_code, prefecture, billing_month, days, points)"
                            + " values (?, ?, ?, ?, 'MEDICAL', '1112', ?, false, '1310000001', '13', ?, 1, ?)",
                    file,
                    seq,
                    seq,
                    memberId,
                    LocalDate.of(2025, seq, 1),
                    LocalDate.of(2025, seq + 1, 1),
                    250 + seq);
        }
        jdbc.update(
                "insert into receipt_diagnosis (file_id, receipt_seq, seq, record_type, code, name, main) values (?, 2, 1, 'SY', '4650003', '急性上気道炎', true)",
                file);
        RightsRequest summary = verified(m, RequestKind.DISCLOSE, null);
        clerk(() -> desk.decide(summary.id(), Decision.of(Outcome.FULL, null), "clerk"));
        assertThat(answer(summary.id()).get("report.html"))
                .contains("レセプト（診療年月・種別ごと）")
                .doesNotContain("レセプト（1件ごと）");

        RightsRequest detail = verified(m, RequestKind.DISCLOSE, null);
        clerk(() -> desk.decide(detail.id(), Decision.of(Outcome.FULL, null), "clerk"));
        Map<String, String> files = unzip(
                clerk(() -> desk.answer(detail.id(), "clerk", true, p -> {})).zip());
        assertThat(files.get("report.html"))
                .contains("レセプト（1件ごと）")
                .contains("4650003 急性上気道炎")
                .contains("252");
        assertThat(files.get("data.json")).contains("\"receiptDetail\"").contains("4650003 急性上気道炎");
    }

    @Test
    void theProvisionRecordsAreDisclosedFromTheProvisionHistory() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.DISCLOSE_PROVISION_RECORDS, null);
        clerk(() -> desk.decide(r.id(), Decision.of(Outcome.FULL, null), "clerk"));

        Map<String, String> files = answer(r.id());

        assertThat(files.get("report.html"))
                .contains("第三者提供の記録")
                .contains("提供し、又は第三者から受領した記録はありません")
                .as("Art. 33(5) is its own request: the retained data is not in it")
                .doesNotContain("試験 太郎");
        assertThat(files.get("data.json")).contains("\"provisionRecords\" : [ ]");
    }

    @Test
    void aProvisionMadeIsDisclosedAndListedForTheOfficerWhenTheMemberIsCorrected() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String employer = "REQ-EMPLOYER-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        TestAccounts.operator(() -> recipients.add(new NewRecipient(
                employer,
                RecipientKind.THIRD_PARTY,
                "試験提供先株式会社",
                "東京都千代田区試験町1-1",
                "代表取締役 試験 一郎",
                List.of(DEEMED_PROVISION),
                "contract-1",
                LocalDate.of(2025, 4, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
        Path dir = Files.createTempDirectory("requests-provision");
        Path input = dir.resolve("results.csv");
        Files.writeString(input, "member,result\n" + m + ",A\n", StandardCharsets.UTF_8);
        TestAccounts.operator(() -> provisions.provide(
                new ProvisionOrder(
                        DEEMED_PROVISION,
                        employer,
                        Optional.of(SocietyTime.startOf(LocalDate.of(2026, 6, 1))),
                        Optional.empty()),
                input,
                "results.csv",
                dir.resolve("out")));

        RightsRequest records = verified(m, RequestKind.DISCLOSE_PROVISION_RECORDS, null);
        clerk(() -> desk.decide(records.id(), Decision.of(Outcome.FULL, null), "clerk"));
        assertThat(answer(records.id()).get("report.html"))
                .contains("2026-06-01")
                .contains("試験提供先株式会社")
                .contains("第三者提供の記録（第29条）");

        RightsRequest correct = verified(m, RequestKind.CORRECT, null);
        RequestDesk.Decided d = clerk(() -> desk.decide(
                correct.id(),
                new Decision(
                        Outcome.FULL,
                        Optional.empty(),
                        Set.of(),
                        Optional.of(new IdentityCorrection(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("ベッセイ タロウ"),
                                Optional.empty(),
                                Optional.empty(),
                                "")),
                        Optional.empty()),
                "clerk"));
        assertThat(d.providedBefore())
                .singleElement()
                .satisfies(e -> assertThat(e.counterpartyName()).isEqualTo("試験提供先株式会社"));
    }

    @Test
    void aRequestIsNotDecidedBeforeTheIdentityIsVerified() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = file(m, RequestKind.DISCLOSE, null, Requester.SELF);

        assertThatThrownBy(() -> clerk(() -> desk.decide(r.id(), Decision.of(Outcome.FULL, null), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("identity is verified");
    }

    @Test
    void aPartialAnswerOrARefusalNamesItsStatutoryGround() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.DISCLOSE, null);

        assertThatThrownBy(() -> clerk(() -> desk.decide(r.id(), Decision.of(Outcome.REFUSED, null), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("names its statutory ground")
                .hasMessageContaining("ART_33_2_I");
        assertThatThrownBy(() -> clerk(() ->
                        desk.decide(r.id(), Decision.of(Outcome.REFUSED, Ground.ART_34_2_NOT_INACCURATE), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("is no ground for a DISCLOSE request");
        assertThatThrownBy(() ->
                        clerk(() -> desk.decide(r.id(), Decision.of(Outcome.PARTIAL, Ground.ART_33_2_II), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("names the sections it withholds");
        assertThat(clerk(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.IDENTITY_VERIFIED);

        clerk(() -> desk.decide(
                r.id(),
                new Decision(
                        Outcome.PARTIAL,
                        Optional.of(Ground.ART_33_2_II),
                        Set.of(Section.HEALTH_DATA),
                        Optional.empty(),
                        Optional.empty()),
                "clerk"));
        Map<String, String> files = answer(r.id());
        assertThat(files.get("report.html")).contains("第33条第2項第2号").doesNotContain("診療年月");
        assertThat(files.get("data.json")).contains("\"healthData\" : null");
    }

    @Test
    void anUndecidedRequestIsNotAnswered() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.DISCLOSE, null);

        assertThatThrownBy(() -> answer(r.id()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("answered once it is decided");
    }

    @Test
    void anInsuredPersonFilesOnlyForTheirDependents() {
        MemberKey insured = TestMembers.register(memberImport);

        assertThatThrownBy(() -> file(insured, RequestKind.DISCLOSE, null, Requester.INSURED_PERSON))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("files only for their own dependents");
    }

    @Test
    void aRepresentativeShowsTheDocumentOfTheirAuthority() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = file(m, RequestKind.DISCLOSE, null, Requester.AGENT);

        assertThatThrownBy(() -> clerk(() -> desk.verify(r.id(), IdentityCheck.PASSPORT, Optional.empty(), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("POWER_OF_ATTORNEY");
        assertThatThrownBy(() -> clerk(() ->
                        desk.verify(r.id(), IdentityCheck.PASSPORT, Optional.of(Authority.FAMILY_REGISTER), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("not of a AGENT");
        assertThat(clerk(() -> desk.verify(
                                r.id(), IdentityCheck.PASSPORT, Optional.of(Authority.POWER_OF_ATTORNEY), "clerk"))
                        .state())
                .isEqualTo(RequestState.IDENTITY_VERIFIED);
    }

    @Test
    void aCorrectionGoesThroughTheRegistryAndKeepsTheOldValue() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.CORRECT, null);

        RequestDesk.Decided d = clerk(() -> desk.decide(
                r.id(),
                new Decision(
                        Outcome.FULL,
                        Optional.empty(),
                        Set.of(),
                        Optional.of(new IdentityCorrection(
                                Optional.empty(),
                                Optional.of("別姓 太郎"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                "")),
                        Optional.empty()),
                "clerk"));

        assertThat(registry.require(m).nameKanji()).isEqualTo("別姓 太郎");
        assertThat(d.correction()).hasValueSatisfying(c -> {
            assertThat(c.reason()).contains("#" + r.id()).contains("第34条");
            assertThat(c.changes())
                    .singleElement()
                    .satisfies(ch -> assertThat(ch.before()).isEqualTo("試験 太郎"));
        });
        assertThat(answer(r.id()).get("report.html")).contains("試験 太郎 → 別姓 太郎");
    }

    @Test
    void aCorrectionThatFailsValidationDecidesNothing() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.CORRECT, null);

        assertThatThrownBy(() -> clerk(() -> desk.decide(
                        r.id(),
                        new Decision(
                                Outcome.FULL,
                                Optional.empty(),
                                Set.of(),
                                Optional.of(new IdentityCorrection(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("2999-01-01"),
                                        "")),
                                Optional.empty()),
                        "clerk")))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("birthDate"))
                .hasMessageNotContaining("2999");
        assertThat(registry.require(m).birthDate()).hasToString("1980-04-01");
        assertThat(clerk(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
    }

    @Test
    void aSuspensionOfADeemedPurposeBecomesAReservationWithTheRequestAsItsSource() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.SUSPEND_PROVISION, DEEMED_PROVISION);

        RequestDesk.Decided d = clerk(() -> desk.decide(r.id(), Decision.of(Outcome.FULL, null), "clerk"));

        ConsentEvent reserved = clerk(() -> ledger.history(m)).get(0);
        assertThat(d.consentSeq()).contains(reserved.seq());
        assertThat(reserved.filedBy()).isEqualTo(Filer.SELF);
        assertThat(reserved.note()).hasValueSatisfying(n -> assertThat(n).contains("request #" + r.id()));
        assertThat(answer(r.id()).get("report.html")).contains("第三者への提供を停止しました").contains("台帳番号 " + reserved.seq());
    }

    @Test
    void aSuspensionOfAPurposeUnderAStatuteIsRefusedOnThatBasisAndSaysSo() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = verified(m, RequestKind.SUSPEND_USE, LEGAL_USE);

        assertThatThrownBy(() -> clerk(() -> desk.decide(r.id(), Decision.of(Outcome.FULL, null), "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("STATUTORY_BASIS");
        clerk(() -> desk.decide(r.id(), Decision.of(Outcome.REFUSED, Ground.STATUTORY_BASIS), "clerk"));

        assertThat(clerk(() -> ledger.history(m))).as("no reservation").isEmpty();
        assertThat(answer(r.id()).get("report.html")).contains("法令（").contains("続ける義務");
    }

    @Test
    void aProvisionCanOnlyBeStoppedForAPurposeThatProvides() {
        MemberKey m = TestMembers.register(memberImport);

        assertThatThrownBy(() -> file(m, RequestKind.SUSPEND_PROVISION, LEGAL_USE, Requester.SELF))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("no provision to a third party");
        assertThatThrownBy(() -> file(m, RequestKind.SUSPEND_USE, null, Requester.SELF))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("names the purpose");
    }

    @Test
    void aFeeIsChargedOnlyForANotificationOrADisclosure() {
        MemberKey m = TestMembers.register(memberImport);

        assertThatThrownBy(() -> clerk(() -> desk.file(
                        new NewRequest(
                                m,
                                RequestKind.CORRECT,
                                Optional.empty(),
                                Requester.SELF,
                                Channel.PAPER,
                                today(),
                                Optional.empty(),
                                300),
                        "clerk")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Art. 38(1)");
    }

    @Test
    void overdueRequestsComeFirstAndAloneWhenAskedFor() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest late = clerk(() -> desk.file(
                new NewRequest(
                        m,
                        RequestKind.NOTIFY_PURPOSE,
                        Optional.empty(),
                        Requester.SELF,
                        Channel.COUNTER,
                        today().minusDays(30),
                        Optional.empty(),
                        0),
                "clerk"));
        RightsRequest fresh = file(m, RequestKind.NOTIFY_PURPOSE, null, Requester.SELF);

        List<RightsRequest> overdue =
                clerk(() -> desk.open(true, Optional.empty(), 1000)).requests();
        assertThat(overdue).extracting(RightsRequest::id).contains(late.id()).doesNotContain(fresh.id());
        assertThat(overdue).allSatisfy(r -> assertThat(r.overdueOn(today())).isTrue());
        List<RightsRequest> open =
                clerk(() -> desk.open(false, Optional.empty(), 1000)).requests();
        assertThat(open)
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(RightsRequest::deadline).thenComparing(RightsRequest::id));
        assertThat(clerk(() -> desk.about(List.of(m))))
                .extracting(RightsRequest::id)
                .containsExactly(fresh.id(), late.id());
    }

    @Test
    void aRequestsHistoryIsNeverRewritten() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = file(m, RequestKind.DISCLOSE, null, Requester.SELF);

        assertThatThrownBy(() ->
                        jdbc.update("update rights_request_event set by_account = 'x' where request_id = ?", r.id()))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from rights_request_event where request_id = ?", r.id()))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void aMemberFilesOnlineForThemselvesOrADependentAndForNobodyElse() {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                memberImport,
                List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null),
                        TestMembers.insured(s, "2", "2020-04-01", null)));
        TestMembers.importRows(memberImport, List.of(TestMembers.dependent(s, "1", "01", "2021-04-01")));
        MemberKey own = MemberKey.parse(s + "-1-00");
        MemberKey dependent = MemberKey.parse(s + "-1-01");
        MemberKey other = MemberKey.parse(s + "-2-00");
        Api api = api();
        String name = "rq-member-" + Long.toString(System.nanoTime(), 36);
        Api.Session member = accounts().signedIn(api, accounts().member(api, name, own));

        Api.Response forDependent = member.postJson(
                "/api/v1/requests",
                "{\"member\":\"" + dependent + "\",\"kind\":\"DISCLOSE\",\"delivery\":\"ELECTRONIC\"}");
        assertThat(forDependent.status()).isEqualTo(201);
        assertThat(forDependent.json().get("state").asText()).isEqualTo("IDENTITY_VERIFIED");
        assertThat(forDependent.json().get("filedBy").asText()).isEqualTo("INSURED_PERSON");
        assertThat(forDependent.json().get("channel").asText()).isEqualTo("PORTAL");
        assertThat(member.get("/api/v1/members/" + dependent + "/requests").body())
                .contains("DISCLOSE");

        Api.Response forOther = member.postJson(
                "/api/v1/requests", "{\"member\":\"" + other + "\",\"kind\":\"DISCLOSE\",\"delivery\":\"ELECTRONIC\"}");
        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.body()).contains("for themselves");
        assertThat(TestAccounts.trailOf(review, name))
                .filteredOn(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .singleElement()
                .satisfies(e -> assertThat(e.members()).containsExactly(other.toString()));
        assertThat(clerk(() -> desk.about(List.of(other)))).isEmpty();
    }
}
