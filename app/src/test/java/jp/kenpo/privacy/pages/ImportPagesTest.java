package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Imports in a browser: a member file with a bad line, and a receipt that names no member found in quarantine. */
class ImportPagesTest extends BrowserTest {

    @Autowired
    MemberRegistry registry;

    @TempDir
    Path dir;

    private void signInAsClerk() {
        signInAs("pg-imports-" + UUID.randomUUID().toString().substring(0, 8), Role.CLERK);
    }

    /** Sends the form of the file field, then asks for the latest state until the import has ended. */
    private void sendAndWait(String fileField, Path file) {
        find(By.id(fileField)).sendKeys(file.toAbsolutePath().toString());
        submitFormOf(fileField);
        for (int i = 0; i < 60 && !browser.findElements(By.id("refresh")).isEmpty(); i++) {
            assertAccessible();
            sleep();
            click(find(By.id("refresh")));
        }
        assertThat(browser.findElements(By.id("result"))).as("the import ended").isNotEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aClerkUploadsAMemberFileWithABadLineAndSeesTheLineAndFieldButNotTheValue() throws Exception {
        String good = TestMembers.freshSymbol();
        String bad = TestMembers.freshSymbol();
        Path file = dir.resolve("members-2026-12.csv");
        Files.writeString(
                file,
                TestMembers.csv(List.of(
                        TestMembers.insured(good, "1", "2020-04-01", null),
                        TestMembers.insured(bad, "1", "2020-04-01", null).replace("1980-04-01", "1980-02-30"))),
                StandardCharsets.UTF_8);
        signInAsClerk();

        follow("取り込み");
        assertThat(heading()).isEqualTo("取り込み");
        assertAccessible();
        sendAndWait("file-members", file);

        assertThat(find(By.id("result")).getText()).startsWith("誤りのある行があるため、このファイルは取り込みませんでした");
        var refused = find(By.cssSelector("#refused tbody")).getText();
        assertThat(refused).contains("members-2026-12.csv 3 birth_date", "is not a date YYYY-MM-DD");
        assertThat(pageText()).doesNotContain("1980-02-30");
        assertThat(registry.find(new MemberKey(good, "1", "00"))).isEmpty();
        assertAccessible();

        open(path() + "?lang=en");
        assertThat(find(By.id("result")).getText()).startsWith("The file has lines with errors");
        assertAccessible();
        open("/console/imports?lang=ja");
        assertThat(find(By.cssSelector("#jobs tbody")).getText()).contains("members-2026-12.csv", "取り込みませんでした");
    }

    @Test
    void aReceiptThatNamesNoMemberIsFoundInQuarantine() throws Exception {
        String registered = TestMembers.freshSymbol();
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(registered, "1", "2020-04-01", null)));
        String unknown = TestMembers.freshSymbol();
        Path file = dir.resolve("medical-" + registered + ".UKE");
        List<String> receipts = List.of(receipt(registered), receipt(unknown));
        Files.write(
                file,
                ("IR,1,13,1,0006286,,テスト医院,202405,00,\r\n" + String.join("", receipts) + "GO," + receipts.size()
                                + ",70,99\r\n")
                        .getBytes(Charset.forName("Windows-31J")));
        signInAsClerk();

        open("/console/imports");
        sendAndWait("file-receipts", file);

        assertThat(find(By.id("result")).getText()).startsWith("取り込みが終わりました");
        var row = find(By.cssSelector("#files tbody tr")).getText();
        assertThat(row).contains(file.getFileName().toString(), "取り込みました");
        assertAccessible();
        click(find(By.cssSelector("#files tbody tr td:nth-child(5) a")));

        assertThat(heading()).isEqualTo("保留中のレセプト・健診");
        var listed = find(By.cssSelector("#quarantine tbody")).getText();
        assertThat(listed).contains(file.getFileName().toString(), "line ", "記号・番号に当たる加入者が登録されていません");
        assertAccessible();
        click(find(By.cssSelector("#quarantine tbody tr td:first-child a")));

        assertThat(heading()).isEqualTo("保留中の記録");
        assertThat(find(By.id("quarantined")).getText())
                .contains(
                        file.getFileName().toString(),
                        "line ",
                        "no member " + TestMembers.INSURER + " " + unknown + "-1-00");
        assertThat(pageText()).as("the record itself is not shown").doesNotContain("試験　患者", "0797868");
        assertAccessible();
    }

    /** One 医科 outpatient receipt of the insured person {@code symbol}-1-00 (male, born 1980-04-01). */
    private static String receipt(String symbol) {
        return "RE,1,1112,202404,試験　患者,1,19800401,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,シケン　カンジャ,\r\n"
                + "HO," + TestMembers.INSURER + "," + symbol + ",1,1,70,,,,,,,,,\r\nSN,1,01,,,,00,,\r\n"
                + "SY,0797868,20240401,1,,,01,\r\n"
                + "SI,12,1,115786693,,70,1,,,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
    }
}
