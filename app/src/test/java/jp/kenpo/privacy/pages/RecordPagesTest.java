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
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.provision.ProvisionOrder;
import jp.kenpo.privacy.provision.ProvisionRuns;
import jp.kenpo.privacy.recipients.NewRecipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.requests.DeliveryForm;
import jp.kenpo.privacy.requests.NewRequest;
import jp.kenpo.privacy.requests.RequestDesk;
import jp.kenpo.privacy.requests.RequestKind;
import jp.kenpo.privacy.requests.Requester;
import jp.kenpo.privacy.requests.RightsRequest;
import jp.kenpo.privacy.shared.SocietyTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provision records and members' requests in a browser: a member on a phone sees who received
 * their data and their request; a clerk takes a request from the open list to a decision; a
 * clerk finds a member by a フリガナ typed in half-width katakana.
 */
class RecordPagesTest extends BrowserTest {

    static final PurposeCode EMPLOYER_CHECKUPS = PurposeCode.parse("3.8");

    @Autowired
    ProvisionRuns runs;

    @Autowired
    RecipientRegister register;

    @Autowired
    RequestDesk desk;

    @TempDir
    Path dir;

    /** The member's checkup results provided to their employer (deemed consent) on 2026-06-01. */
    private String providedToTheEmployer(MemberKey member) throws Exception {
        String id = "EMPLOYER-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String name = "試験事業者株式会社 " + id.substring(id.length() - 4);
        operator(() -> register.add(new NewRecipient(
                id,
                RecipientKind.THIRD_PARTY,
                name,
                "東京都千代田区試験町1-1",
                "代表取締役 試験 一郎",
                List.of(EMPLOYER_CHECKUPS),
                "contract-1",
                LocalDate.of(2025, 4, 1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
        Path in = dir.resolve("in-" + id + ".csv");
        Files.writeString(in, "member,bmi,hba1c\n" + member + ",22.1,5.4\n", StandardCharsets.UTF_8);
        Instant at = SocietyTime.startOf(LocalDate.of(2026, 6, 1)).plusSeconds(3600);
        operator(() -> runs.provide(
                new ProvisionOrder(EMPLOYER_CHECKUPS, id, Optional.of(at), Optional.empty()),
                in,
                "results.csv",
                dir.resolve("out-" + id)));
        return name;
    }

    private RightsRequest filedOnPaper(MemberKey member, RequestKind kind) {
        LocalDate today = SocietyTime.dateOf(Instant.now());
        return operator(() -> desk.file(
                new NewRequest(
                        member,
                        kind,
                        Optional.empty(),
                        Requester.SELF,
                        Channel.PAPER,
                        today,
                        kind.isDisclosure() ? Optional.of(DeliveryForm.PAPER) : Optional.empty(),
                        0),
                "clerk"));
    }

    @Test
    void aMemberOnAPhoneSeesWhoReceivedTheirDataAndTheirRequest() throws Exception {
        var family = household();
        String employer = providedToTheEmployer(family.insured());
        filedOnPaper(family.insured(), RequestKind.DISCLOSE_PROVISION_RECORDS);
        phoneSized();
        signInAsMember("pg-rec-" + UUID.randomUUID().toString().substring(0, 8), family.insured());
        assertThat(path()).isEqualTo("/portal");

        follow("試験 太郎さんの情報を受け取った先");
        assertThat(path()).isEqualTo("/portal/members/" + family.insured() + "/recipients");
        assertThat(heading()).isEqualTo("あなたの情報を受け取った先");
        String shown = find(By.cssSelector("#recipients li")).getText();
        assertThat(shown).contains(employer, "2026年6月1日（令和8年）", "コラボヘルスの一環である健診結果の事業者への提供", "bmi、hba1c", "公表した目的への同意");
        assertFitsTheScreen();
        assertAccessible();

        open("/portal");
        follow("試験 太郎さんの請求");
        assertThat(heading()).isEqualTo("請求の状況");
        String request = find(By.cssSelector("#my-requests li")).getText();
        assertThat(request).contains("第三者提供記録の開示", "受け付けました", "回答の予定日");
        assertFitsTheScreen();
        assertAccessible();

        // the dependent received nothing: the insured person sees that too
        open("/portal/members/" + family.dependent() + "/recipients");
        assertThat(pageText()).contains("あなたの情報をほかに渡した記録はありません。");
        assertAccessible();
    }

    @Test
    void aClerkOpensARequestFromTheListAndRecordsADecision() {
        var family = household();
        RightsRequest filed = filedOnPaper(family.dependent(), RequestKind.DISCLOSE);
        signInAs("pg-req-" + UUID.randomUUID().toString().substring(0, 8), Role.CLERK);

        open("/console/members/" + family.dependent());
        assertThat(find(By.id("requests")).getText()).contains("請求 " + filed.id(), "保有個人データの開示", "受付");
        assertThat(find(By.id("records")).getText()).contains("提供・受領の記録はありません");
        assertAccessible();

        open("/console/requests");
        assertThat(heading()).isEqualTo("受付中の請求");
        assertAccessible();
        open("/console/requests?after=" + previousCursor(filed));
        follow("請求 " + filed.id());
        assertThat(path()).isEqualTo("/console/requests/" + filed.id());
        assertThat(find(By.id("state")).getText()).isEqualTo("受付");
        assertAccessible();

        new Select(find(By.id("method"))).selectByValue("DRIVERS_LICENSE");
        submitFormOf("method");
        assertThat(heading()).isEqualTo("内容を確認してください");
        assertThat(find(By.id("confirm-method")).getText()).isEqualTo("運転免許証");
        assertAccessible();
        press("本人確認を記録する");
        assertThat(path()).isEqualTo("/console/requests/" + filed.id() + "?recorded");
        assertThat(find(By.id("state")).getText()).isEqualTo("本人確認済み");

        // a partial disclosure without its ground is sent back naming what is missing
        find(By.id("outcome-PARTIAL")).click();
        submitFormOf("note");
        assertThat(find(By.cssSelector(".error-summary")).getText()).contains("理由を選んでください", "開示しない部分を一つ以上選んでください");
        assertAccessible();
        assertThat(find(By.id("outcome-PARTIAL")).isSelected()).isTrue();

        new Select(find(By.id("ground"))).selectByValue("ART_33_2_II");
        find(By.id("withheld-HEALTH_DATA")).click();
        fill("note", "受付窓口で確認");
        submitFormOf("note");
        assertThat(find(By.id("confirm-outcome")).getText()).isEqualTo("一部応諾");
        assertThat(find(By.id("confirm-ground")).getText()).isEqualTo("業務の適正な実施に著しい支障");
        assertAccessible();
        press("決定を記録する");

        assertThat(find(By.id("state")).getText()).isEqualTo("決定済み");
        assertThat(find(By.id("outcome")).getText()).contains("一部応諾", "第33条第2項第2号");
        assertThat(find(By.id("history")).getText()).contains("本人確認：運転免許証", "開示しない部分：レセプト・特定健診の保有状況（月別）", "受付窓口で確認");
        assertThat(find(By.id("answer-title")).getText()).isEqualTo("回答する");
        // the whole page, to its footer: a page that failed half-way would stop before
        assertThat(find(By.id("receiptDetail")).isSelected()).isFalse();
        assertThat(find(By.cssSelector("footer.site-footer")).isDisplayed()).isTrue();
        assertAccessible();
    }

    @Test
    void aClerkFindsAMemberByAFuriganaTypedInHalfWidthKatakana() {
        var family = household();
        signInAs("pg-kana-" + UUID.randomUUID().toString().substring(0, 8), Role.CLERK);
        fill("kana", halfWidth(family.kana()));
        submitFormOf("kana");
        assertThat(find(By.tagName("caption")).getText()).startsWith("1件");
        assertThat(pageText()).contains(family.dependent().toString());
        assertAccessible();
    }

    /** A cursor just before the request, so that the page of the open list shows it whatever else is open. */
    private static String previousCursor(RightsRequest r) {
        return r.deadline() + "~" + (r.id() - 1);
    }

    /** The katakana of the test households' フリガナ as a half-width keyboard writes them. */
    static String halfWidth(String katakana) {
        String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン ペジ";
        String[] half = {
            "ｱ", "ｲ", "ｳ", "ｴ", "ｵ", "ｶ", "ｷ", "ｸ", "ｹ", "ｺ", "ｻ", "ｼ", "ｽ", "ｾ", "ｿ", "ﾀ", "ﾁ", "ﾂ", "ﾃ", "ﾄ", "ﾅ",
                    "ﾆ",
            "ﾇ", "ﾈ", "ﾉ", "ﾊ", "ﾋ", "ﾌ", "ﾍ", "ﾎ", "ﾏ", "ﾐ", "ﾑ", "ﾒ", "ﾓ", "ﾔ", "ﾕ", "ﾖ", "ﾗ", "ﾘ", "ﾙ", "ﾚ", "ﾛ",
                    "ﾜ",
            "ﾝ", " ", "ﾍﾟ", "ｼﾞ"
        };
        var out = new StringBuilder();
        for (char c : katakana.toCharArray()) {
            int i = full.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("no half-width form in this test for " + c);
            }
            out.append(half[i]);
        }
        return out.toString();
    }

    private void assertFitsTheScreen() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue())
                .as("sideways overflow on " + path())
                .isLessThanOrEqualTo(0);
    }
}
