package jp.kenpo.privacy.provision;

import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.decision.Basis;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.recipients.UnknownRecipientException;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ProvisionRunsTest extends DatabaseTest {

    static final PurposeCode P38 = PurposeCode.parse("3.8");
    static final PurposeCode P52 = PurposeCode.parse("5.2");
    static final Instant AT = SocietyTime.startOf(LocalDate.of(2026, 6, 1)).plusSeconds(3600);

    @Autowired
    ProvisionRuns runs;

    @Autowired
    ProvisionHistory history;

    @Autowired
    RecipientRegister register;

    @Autowired
    MemberImport memberImport;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String recipient(
            RecipientKind kind, List<PurposeCode> purposes, Optional<LocalDate> reviewed, Optional<LocalDate> to) {
        String id = kind.name().replace('_', '-') + "-"
                + Long.toString(System.nanoTime(), 36).toUpperCase();
        operator(() -> register.add(new NewRecipient(
                id,
                kind,
                "試験提供先株式会社",
                "東京都千代田区試験町1-1",
                "代表取締役 試験 一郎",
                purposes,
                "contract-1",
                LocalDate.of(2025, 4, 1),
                to,
                reviewed,
                Optional.empty())));
        return id;
    }

    String employer() {
        return recipient(RecipientKind.THIRD_PARTY, List.of(P38), Optional.empty(), Optional.empty());
    }

    ConsentEvent consent(MemberKey m, ConsentAction action) {
        return ledger.record(
                new ConsentRequest(
                        m,
                        action,
                        ConsentTarget.purpose(P38),
                        LocalDate.of(2026, 1, 10),
                        Channel.PAPER,
                        Filer.SELF,
                        Optional.empty()),
                "clerk");
    }

    Path input(String text) throws Exception {
        Path f = Files.createTempFile(dir, "input-", ".csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    ProvisionReport provide(String recipient, PurposeCode purpose, Path input, Path out) {
        return operator(() -> runs.provide(
                new ProvisionOrder(purpose, recipient, Optional.of(AT), Optional.empty()), input, "results.csv", out));
    }

    int runsOf(String recipient) {
        return jdbc.queryForObject(
                "select count(*) from provision_run where recipient_id = ?", Integer.class, recipient);
    }

    @Test
    void onlyPermittedRowsGoAndEachMemberGetsAProvisionRecordNamingTheConsentItRestsOn() throws Exception {
        MemberKey deemed = TestMembers.register(memberImport);
        MemberKey reserved = TestMembers.register(memberImport);
        MemberKey consented = TestMembers.register(memberImport);
        consent(reserved, ConsentAction.RESERVE);
        consent(consented, ConsentAction.RESERVE);
        ConsentEvent given = consent(consented, ConsentAction.GIVE);
        MemberKey unknown = MemberKey.parse(TestMembers.freshSymbol() + "-1-00");
        String employer = employer();
        Path in = input("member,bmi,hba1c\n"
                + deemed + ",22.1,5.4\n"
                + reserved + ",30.2,6.9\n"
                + consented + ",24.0,5.8\n"
                + unknown + ",19.0,5.0\n"
                + deemed + ",22.1,5.4\n"
                + consented + ",24.5,5.9\n");
        Path out = dir.resolve("out");

        ProvisionReport r = provide(employer, P38, in, out);

        assertThat(r.record()).isEqualTo("ART29");
        assertThat(r.exemption()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(6);
        assertThat(r.rowsWritten()).isEqualTo(3);
        assertThat(r.membersWritten()).isEqualTo(2);
        assertThat(r.leftOut())
                .containsExactly(
                        new ProvisionReport.LeftOut(3, reserved.toString(), "RESERVED_WITHOUT_CONSENT"),
                        new ProvisionReport.LeftOut(5, unknown.toString(), "UNKNOWN_MEMBER"),
                        new ProvisionReport.LeftOut(6, deemed.toString(), ProvisionRuns.DUPLICATE_ROW));
        Path file = Path.of(r.file());
        assertThat(Files.readString(file))
                .isEqualTo("member,bmi,hba1c\r\n" + deemed + ",22.1,5.4\r\n" + consented + ",24.0,5.8\r\n" + consented
                        + ",24.5,5.9\r\n");
        assertThat(r.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(r.retainedUntil()).isEqualTo(LocalDate.of(2029, 6, 1));

        List<ProvisionEntry> theirs = operator(() -> history.ofMember(consented));
        assertThat(theirs).singleElement().satisfies(e -> {
            assertThat(e.record()).isEqualTo(RecordKind.PROVISION_RECORD);
            assertThat(e.direction()).isEqualTo(ProvisionEntry.Direction.SENT);
            assertThat(e.counterparty()).contains(employer);
            assertThat(e.counterpartyName()).isEqualTo("試験提供先株式会社");
            assertThat(e.purpose()).isEqualTo(P38);
            assertThat(e.items()).containsExactly("member", "bmi", "hba1c");
            assertThat(e.basis()).contains(Basis.EXPLICIT_CONSENT);
            assertThat(e.consentEvent()).hasValue(given.seq());
            assertThat(e.on()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(e.file()).isEqualTo(file.getFileName().toString());
        });
        assertThat(operator(() -> history.ofMember(deemed))).singleElement().satisfies(e -> {
            assertThat(e.basis()).contains(Basis.DEEMED_CONSENT);
            assertThat(e.consentEvent()).isEmpty();
        });
        assertThat(operator(() -> history.ofMember(reserved))).isEmpty();
    }

    @Test
    void aProvisionToAConsigneeIsLoggedAsExemptNamingTheArticle() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String printer = recipient(
                RecipientKind.CONSIGNEE, List.of(P52), Optional.of(LocalDate.of(2026, 3, 1)), Optional.empty());

        ProvisionReport r = provide(printer, P52, input("member,total\n" + m + ",1200\n"), dir.resolve("out"));

        assertThat(r.record()).isEqualTo("EXEMPT");
        assertThat(r.exemption()).hasValueSatisfying(e -> assertThat(e).contains("27(5)(i)"));
        assertThat(operator(() -> history.ofMember(m))).singleElement().satisfies(e -> {
            assertThat(e.record()).isEqualTo(RecordKind.EXEMPT_PROVISION);
            assertThat(e.exemption()).isEqualTo(r.exemption());
        });
    }

    @Test
    void aConsigneeWhoseReviewIsOlderThanAYearIsRefused() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String late = recipient(
                RecipientKind.CONSIGNEE, List.of(P52), Optional.of(LocalDate.of(2025, 5, 31)), Optional.empty());
        String never = recipient(RecipientKind.CONSIGNEE, List.of(P52), Optional.empty(), Optional.empty());
        Path in = input("member,total\n" + m + ",1200\n");

        assertRefused(() -> provide(late, P52, in, dir.resolve("late")), "recipient", "last reviewed on 2025-05-31");
        assertRefused(() -> provide(never, P52, in, dir.resolve("never")), "recipient", "never reviewed");
        assertThat(dir.resolve("late")).doesNotExist();
        assertThat(runsOf(late) + runsOf(never)).isZero();
    }

    @Test
    void anUnknownRecipientIsRefused() throws Exception {
        Path in = input("member\n" + TestMembers.register(memberImport) + "\n");
        assertThatThrownBy(() -> provide("NOBODY-" + System.nanoTime(), P38, in, dir))
                .isInstanceOf(UnknownRecipientException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("recipient"));
    }

    @Test
    void anEndedContractIsRefused() throws Exception {
        Path in = input("member\n" + TestMembers.register(memberImport) + "\n");
        String expired = recipient(
                RecipientKind.THIRD_PARTY, List.of(P38), Optional.empty(), Optional.of(LocalDate.of(2026, 3, 31)));
        String ended = employer();
        operator(() -> {
            register.end(ended, LocalDate.of(2026, 5, 1));
            return null;
        });

        assertRefused(() -> provide(expired, P38, in, dir.resolve("o")), "recipient", "does not cover 2026-06-01");
        assertRefused(() -> provide(ended, P38, in, dir.resolve("o")), "recipient", "ended on 2026-05-01");
        assertThat(runsOf(expired) + runsOf(ended)).isZero();
    }

    @Test
    void aPurposeTheRecipientIsNotRegisteredForIsRefused() throws Exception {
        Path in = input("member\n" + TestMembers.register(memberImport) + "\n");
        String employer = employer();
        assertRefused(
                () -> provide(employer, PurposeCode.parse("1.4"), in, dir.resolve("o")),
                "purpose",
                "not registered to receive data for purpose 1.4");
        assertRefused(
                () -> provide(employer, PurposeCode.parse("3.1"), in, dir.resolve("o")), "purpose", "not a provision");
    }

    @Test
    void anInputWithoutTheMemberColumnIsRefusedNamingTheLine() throws Exception {
        String employer = employer();
        Path in = input("key,bmi\n" + TestMembers.register(memberImport) + ",22\n");

        assertInputRefused(() -> provide(employer, P38, in, dir.resolve("o")), 1, "no column 'member'");
        ProvisionReport named = operator(() -> runs.provide(
                new ProvisionOrder(P38, employer, Optional.of(AT), Optional.of("key")), in, "x.csv", dir.resolve("o")));
        assertThat(named.rowsWritten()).isEqualTo(1);
    }

    @Test
    void anInputThatIsNotUtf8IsRefusedNamingTheLine() throws Exception {
        String employer = employer();
        MemberKey m = TestMembers.register(memberImport);
        Path in = Files.createTempFile(dir, "sjis", ".csv");
        Files.write(in, ("member,name\n" + m + ",").getBytes(StandardCharsets.UTF_8));
        Files.write(in, "試験\n".getBytes("Windows-31J"), java.nio.file.StandardOpenOption.APPEND);

        assertInputRefused(() -> provide(employer, P38, in, dir.resolve("o")), 2, "not valid UTF-8");
        assertThat(dir.resolve("o")).doesNotExist();
        assertThat(runsOf(employer)).isZero();
    }

    @Test
    void aRowWhoseMemberColumnIsNoKeyIsRefusedNamingTheLineNotTheValue() throws Exception {
        String employer = employer();
        Path in = input("member,bmi\n" + TestMembers.register(memberImport) + ",22\nnot-a-key-123456789012,23\n");
        assertInputRefused(() -> provide(employer, P38, in, dir.resolve("o")), 3, "member key");
        assertThatThrownBy(() -> provide(employer, P38, in, dir.resolve("o"))).hasMessageNotContaining("not-a-key");
    }

    @Test
    void aFailureHalfWayLeavesNeitherFileNorRecord() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String employer = employer();
        Path in = input("member,bmi\n" + m + ",22\n");
        Path out = dir.resolve("out");
        ProvisionReport first = provide(employer, P38, in, out);
        // the same content at the same instant has the same name: the move into place fails, after the
        // records were inserted in the transaction
        Files.delete(Path.of(first.file()));
        Files.createDirectories(Path.of(first.file()));
        Files.writeString(Path.of(first.file()).resolve("occupied"), "x");
        int before = runsOf(employer);

        assertThatThrownBy(() -> provide(employer, P38, in, out)).hasMessageContaining("could not be moved");

        assertThat(runsOf(employer)).isEqualTo(before);
        assertThat(operator(() -> history.ofMember(m))).hasSize(1);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(Path.of(first.file()));
        }
    }

    private static void assertRefused(Runnable provision, String field, String reason) {
        assertThatThrownBy(provision::run)
                .isInstanceOf(ProvisionRefusedException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo(field));
    }

    private static void assertInputRefused(Runnable provision, long line, String reason) {
        assertThatThrownBy(provision::run)
                .isInstanceOf(ProvisionInputException.class)
                .satisfies(e -> assertThat(((ProvisionInputException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.reason()).contains(reason);
                        }));
    }
}
