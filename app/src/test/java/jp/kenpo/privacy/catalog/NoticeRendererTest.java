package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeRendererTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static List<String> lines(String text) {
        List<String> all = Arrays.asList(text.split("\n", -1));
        int from = 0;
        int to = all.size();
        while (from < to && all.get(from).isBlank()) {
            from++;
        }
        while (to > from && all.get(to - 1).isBlank()) {
            to--;
        }
        return all.subList(from, to);
    }

    @Test
    void japaneseTextIsThePublishedNoticeLineForLine() {
        String rendered = NoticeRenderer.render(CatalogFixtures.defaultVersion(), TODAY, Language.JA, NoticeFormat.TXT);

        assertThat(lines(rendered)).containsExactlyElementsOf(lines(CatalogFixtures.publishedNotice()));
    }

    @Test
    void everyPublishedLineIsInTheCatalogWordForWord() {
        CatalogVersion v = CatalogFixtures.defaultVersion();
        List<String> published = lines(CatalogFixtures.publishedNotice()).stream()
                .filter(l -> l.startsWith("- ・"))
                .map(l -> l.substring(3))
                .toList();

        assertThat(v.purposes()).hasSize(39);
        assertThat(v.purposes().stream()
                        .filter(p -> p.category() < 9)
                        .map(p -> p.text().ja()))
                .containsExactlyElementsOf(published);
    }

    @Test
    void englishMarkdownAndHtmlCarryEveryPurpose() {
        CatalogVersion v = CatalogFixtures.defaultVersion();
        String md = NoticeRenderer.render(v, TODAY, Language.EN, NoticeFormat.MD);
        String html = NoticeRenderer.render(v, TODAY, Language.JA, NoticeFormat.HTML);

        assertThat(md).startsWith("# Main purposes of use").contains("## 9. Creation and third-party provision");
        v.purposes().forEach(p -> assertThat(md).contains(p.text().en()));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"ja\">")
                .contains("<li>医療費分析・疾病分析</li>")
                .endsWith("</html>\n");
        assertThat(html).contains("健康保険料、介護保険料、調整保険料の徴収");
    }

    @Test
    void htmlEscapesText() {
        String source = CatalogFixtures.defaultSource().replace("en: Other\n", "en: Other <script>alert(1)</script>\n");
        String html = NoticeRenderer.render(CatalogFile.parse(source, "x.yaml"), TODAY, Language.EN, NoticeFormat.HTML);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aRetiredPurposeLeavesTheNoticeFromItsRetirementDate() {
        CatalogVersion v2 = CatalogFile.parse(CatalogFixtures.version2("2027-04-01", "2027-10-01"), "v2.yaml");
        String line = "- ・健康増進施設(保養所等)の運営の委託";

        assertThat(NoticeRenderer.render(v2, LocalDate.of(2027, 9, 30), Language.JA, NoticeFormat.TXT))
                .contains(line)
                .contains("- ・健康増進アプリの提供事業者への健診結果の提供");
        assertThat(NoticeRenderer.render(v2, LocalDate.of(2027, 10, 1), Language.JA, NoticeFormat.TXT))
                .doesNotContain(line);
    }
}
