package jp.kenpo.privacy.pages;

import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ProvisionOrder;
import jp.kenpo.privacy.provision.ProvisionRuns;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.requests.Decision;
import jp.kenpo.privacy.requests.IdentityCheck;
import jp.kenpo.privacy.requests.NewRequest;
import jp.kenpo.privacy.requests.Outcome;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestKind;
import jp.kenpo.privacy.requests.RequestState;
import jp.kenpo.privacy.requests.Requester;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The record and request pages over plain HTTP: a long history a page at a time, and an answer's package. */
class RecordPagesOverHttpTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

    @Autowired
    RequestDesk desk;

    @Autowired
    ProvisionRuns runs;

    @Autowired
    RecipientRegister register;

    @TempDir
    Path dir;

    @Test
    void aLongHistoryOfRecordsIsShownFiftyAPageNewestFirst() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        PurposeCode checkups = PurposeCode.parse("3.8");
        String id = "EMPLOYER-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        operator(() -> register.add(new NewRecipient(
                id,
                RecipientKind.THIRD_PARTY,
                "試験事業者株式会社",
                "東京都千代田区試験町1-1",
                "代表取締役 試験 一郎",
                List.of(checkups),
                "contract-1",
                LocalDate.of(2025, 4, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "member,bmi\n" + m + ",22.1\n", StandardCharsets.UTF_8);
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 52; i++) {
            Instant at = SocietyTime.startOf(first.plusDays(i)).plusSeconds(3600);
            operator(() -> runs.provide(
                    new ProvisionOrder(checkups, id, Optional.of(at), Optional.empty()),
                    in,
                    "results.csv",
                    dir.resolve("out")));
        }
        var clerk = api().as("clerk");
        var one = clerk.get("/console/members/" + m);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body())
                .contains("全52件のうち1〜50件目", "2026年2月21日", "次の50件", "</html>")
                .doesNotContain("2026年1月2日（");
        var two = clerk.get("/console/members/" + m + "?records=2");
        assertThat(two.body())
                .contains("全52件のうち51〜52件目", "2026年1月1日", "2026年1月2日", "前の50件")
                .doesNotContain("2026年2月21日");
    }

    @Test
    void aDecidedRequestIsAnsweredWithItsPackageFromTheConsole() {
        MemberKey m = TestMembers.register(memberImport);
        RightsRequest r = operator(() -> desk.file(
                new NewRequest(
                        m,
                        RequestKind.NOTIFY_PURPOSE,
                        Optional.empty(),
                        Requester.SELF,
                        Channel.PAPER,
                        SocietyTime.dateOf(Instant.now()),
                        Optional.empty(),
                        0),
                "clerk"));
        operator(() -> desk.verify(r.id(), IdentityCheck.DRIVERS_LICENSE, Optional.empty(), "clerk"));
        operator(() -> desk.decide(r.id(), Decision.of(Outcome.FULL, null), "clerk"));
        var clerk = api().as("clerk");
        var page = clerk.get("/console/requests/" + r.id());
        assertThat(page.body()).contains("回答する", "</html>");

        var check =
                clerk.post("/console/requests/" + r.id() + "/answer/check", "application/x-www-form-urlencoded", "");
        assertThat(check.body()).contains("内容を確認してください", "回答して一式をダウンロードする");
        var answered = clerk.post("/console/requests/" + r.id() + "/answer", "application/x-www-form-urlencoded", "");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.contentType()).isEqualTo("application/zip");
        assertThat(answered.headers().firstValue("X-Content-SHA256").orElseThrow())
                .matches("[0-9a-f]{64}");
        assertThat(operator(() -> desk.show(r.id())).request().state()).isEqualTo(RequestState.ANSWERED);

        // answered once: a second answer is refused on the request's page, nothing sent
        var again = clerk.post("/console/requests/" + r.id() + "/answer", "application/x-www-form-urlencoded", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.contentType()).startsWith("text/html");
        assertThat(again.body()).contains("記録できませんでした", "回答済み");
    }
}
