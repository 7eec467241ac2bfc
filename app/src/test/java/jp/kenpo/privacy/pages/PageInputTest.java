package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.testing.Api;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the console's pages refuse, each with a message beside the field, never a failure (5xx). */
class PageInputTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

    private Api.Session clerk() {
        return api().as("clerk");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void aSearchThatCannotBeReadSaysWhichFieldAndHow() {
        assertThat(clerk().get("/console/members?key=12-34").body()).contains("1234-5678-01」のように");
        assertThat(clerk().get("/console/members?born=yesterday").body()).contains("生年月日を読み取れません");
        assertThat(clerk().get("/console/members").body()).contains("どれかを入力してください");
        assertThat(clerk().get("/console/members?key=ZZ9-1-00").body()).contains("登録されていません");
        String number = TestNumbers.next();
        assertThat(clerk().get("/console/members?kana=" + number).body())
                .as("a number typed by mistake is not repeated")
                .doesNotContain(number);
    }

    @Test
    void aKeyTypedInFullWidthWithAnyHyphenFindsTheMember() {
        var key = TestMembers.register(memberImport);
        String typed = key.toString().replace("-", "ー").replace("1", "１");
        var r = clerk().get("/console/members?key=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/members/" + key);
    }

    @Test
    void aPaperFormWithAFutureDateOrANumberInItsNoteIsRefusedKeepingWhatWasTyped() {
        var key = TestMembers.register(memberImport);
        String path = "/console/members/" + key + "/forms/check";
        var future = clerk().post(
                        path,
                        "application/x-www-form-urlencoded",
                        form(Map.of(
                                "action", "RESERVE",
                                "targets", "p3.1",
                                "received", LocalDate.now().plusDays(3).toString(),
                                "filedBy", "SELF",
                                "note", "kept as typed")));
        assertThat(future.status()).isEqualTo(200);
        assertThat(future.body()).contains("未来の日付", "kept as typed");

        String number = TestNumbers.next();
        var withNumber = clerk().post(
                        path,
                        "application/x-www-form-urlencoded",
                        form(Map.of(
                                "action",
                                "RESERVE",
                                "targets",
                                "c3",
                                "received",
                                "R8.4.1",
                                "filedBy",
                                "SELF",
                                "note",
                                number)));
        assertThat(withNumber.status()).isEqualTo(200);
        assertThat(withNumber.body()).contains("個人番号と思われる数字").doesNotContain(number);

        var garbled = clerk().post(
                        path,
                        "application/x-www-form-urlencoded",
                        form(Map.of("action", "NOTHING", "targets", "p99.99", "received", "\u0000", "filedBy", "?")));
        assertThat(garbled.status()).isLessThan(500);
    }
}
