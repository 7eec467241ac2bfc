package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEntry;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.catalog.CatalogFixtures;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The purpose catalog in a browser: the privacy officer uploads a changed catalog, reads its
 * difference to the version in force, publishes it, and the public notice then reads the new text;
 * a clerk reads the versions but is refused the publication pages.
 */
@Import(CatalogPagesTest.OwnDatabase.class)
class CatalogPagesTest extends BrowserTest {

    /**
     * A version published to take effect today changes the notice and every decision for whoever
     * shares the database, and the next version's number: this test has a database of its own.
     * (A registrar's properties are applied after the shared database's property source.)
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {
        @Bean
        static DynamicPropertyRegistrar catalogPagesDatabase() {
            return registry -> register(registry, TestDatabases.named("catalog-pages"));
        }
    }

    @Autowired
    CatalogService catalogs;

    @Autowired
    AuditReview review;

    @TempDir
    Path dir;

    private static final String NOTICES_EN = "en: Sending medical expense notices to insured persons";
    private static final String NOTICES_EN_NEW = "en: Sending notices of medical expenses to insured persons";

    @Autowired
    DataSource dataSource;

    @Test
    void theTestHasItsOwnDatabase() {
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).containsPattern("catalog.pages");
    }

    @Test
    void theOfficerReadsTheDifferenceAndPublishesAndTheNoticeFollows() throws IOException {
        String officer = "pg-officer-" + UUID.randomUUID().toString().substring(0, 8);
        signInAs(officer, Role.PRIVACY_OFFICER);
        follow("利用目的カタログ（公表文の版）");
        assertThat(find(By.id("in-force")).getText()).startsWith("現在施行中の版：第1版");
        assertThat(find(By.cssSelector("#versions tbody")).getText()).contains("第1版", "施行中");
        assertAccessible();

        follow("第1版");
        assertThat(heading()).isEqualTo("利用目的カタログ 第1版");
        assertThat(find(By.id("notice-ja")).getText()).contains("- ・被保険者等への医療費通知");
        assertThat(find(By.id("notice-en")).getText()).contains("- Sending medical expense notices to insured persons");
        assertAccessible();
        follow("版の一覧に戻る");
        follow("新しい版のファイルを確認する");
        assertAccessible();

        // a published purpose's Japanese text cannot change: refused at its line, the change shown
        String today = SocietyTime.dateOf(java.time.Instant.now()).toString();
        String next = CatalogFixtures.version2(today, today).replace(NOTICES_EN, NOTICES_EN_NEW);
        String meaningChanged = next.replace("ja: 被保険者等への医療費通知", "ja: 被保険者等への医療費のお知らせ");
        upload("changed-meaning.yaml", meaningChanged);
        assertThat(find(By.id("refusal-line")).getText())
                .isEqualTo("changed-meaning.yaml の " + lineOf(meaningChanged, "code: \"3.9\"") + "行目");
        assertThat(find(By.id("refusal-reason")).getText()).startsWith("purpose 3.9 changes its Japanese text");
        assertThat(find(By.id("changed-3.9")).getText()).contains("利用目的の意味", "被保険者等への医療費通知", "被保険者等への医療費のお知らせ");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='公表の確認に進む']")))
                .isEmpty();
        assertAccessible();

        follow("別のファイルを確認する");
        upload("catalog-v2.yaml", next);
        assertThat(find(By.id("checked-ok")).getText()).startsWith("このファイルは第2版として公表できます");
        assertThat(find(By.id("added")).getText()).contains("3.10", "健康増進アプリの提供事業者への健診結果の提供");
        assertThat(find(By.id("changed-3.9")).getText())
                .contains("Sending medical expense notices", "Sending notices of medical expenses")
                .doesNotContain("利用目的の意味");
        assertThat(find(By.cssSelector("#notice-diff-ja .line-ADDED")).getText())
                .contains("＋ 追加", "- ・健康増進アプリの提供事業者への健診結果の提供");
        assertThat(browser.findElements(By.cssSelector("#notice-diff-en .line-REMOVED")))
                .extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains("- Sending medical expense notices to insured persons"))
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "- Consigning the running of health promotion facilities (resort lodges and similar)"));
        assertAccessible();

        press("公表の確認に進む");
        assertThat(heading()).isEqualTo("公表の確認");
        assertThat(find(By.id("confirm-version")).getText()).isEqualTo("第2版");
        assertThat(find(By.id("confirm-added")).getText()).isEqualTo("3.10");
        assertThat(find(By.id("confirm-retired")).getText()).isEqualTo("3.7");
        assertAccessible();
        press("第2版を公表する");

        assertThat(path()).isEqualTo("/console/catalog/versions/2?published");
        assertThat(find(By.id("published-notice")).getText()).startsWith("第2版を公表しました");
        assertThat(find(By.id("state")).getText()).isEqualTo("施行中");
        assertAccessible();
        assertThat(catalogs.published().get(1).publishedBy()).isEqualTo(officer);
        assertThat(TestAccounts.trailOf(review, officer))
                .filteredOn(e -> e.action() == AuditAction.CATALOG_PUBLISHED)
                .extracting(AuditEntry::detail)
                .singleElement()
                .asString()
                .startsWith("catalog version 2 from catalog-v2.yaml, effective from " + today);

        open("/notice");
        assertThat(pageText()).contains("健康増進アプリの提供事業者への健診結果の提供");
        // 3.7 retired today: no longer published, neither on the notice nor on the paper form
        assertThat(pageText()).doesNotContain("健康増進施設(保養所等)の運営の委託");
        open("/notice/form");
        assertThat(pageText()).doesNotContain("健康増進施設(保養所等)の運営の委託").contains("3.10");
        open("/notice?lang=en");
        assertThat(pageText()).contains("Sending notices of medical expenses to insured persons");
        assertAccessible();
    }

    @Test
    void aClerkReadsTheVersionsButIsRefusedThePublication() {
        String clerk = "pg-clerk-" + UUID.randomUUID().toString().substring(0, 8);
        signInAs(clerk, Role.CLERK);
        follow("利用目的カタログ（公表文の版）");
        assertThat(find(By.cssSelector("#versions tbody")).getText()).contains("第1版");
        assertThat(pageText()).doesNotContain("新しい版のファイルを確認する");

        open("/console/catalog/new");
        assertThat(heading()).isEqualTo("この操作はできません");
        assertAccessible();
        assertThat(TestAccounts.trailOf(review, clerk))
                .filteredOn(e -> e.action() == AuditAction.ACCESS_REFUSED)
                .extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).startsWith("GET /console/catalog/new: not allowed"));
    }

    private void upload(String name, String source) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, source);
        find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        press("確認する");
    }

    private static int lineOf(String source, String text) {
        return source.substring(0, source.indexOf(text)).split("\n", -1).length;
    }
}
