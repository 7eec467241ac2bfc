package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import org.junit.jupiter.api.Test;

class ReleasePublicationTest {

    static final List<String> ITEMS = ReleaseArchiveTest.ITEMS;
    static final String MEASURES = "加工方法等情報（仮名化の鍵を含む）は暗号化して保管し、プライバシー責任者のみが利用でき、利用はすべて記録する。";

    final ReleasePublication publication = new ReleasePublication();

    static PublicationFacts facts(String society, List<PublishedRelease> releases) {
        return new PublicationFacts(
                society, ITEMS, List.of(DeliveryMethod.ELECTRONIC, DeliveryMethod.PHYSICAL_MEDIA), releases, MEASURES);
    }

    static final List<PublishedRelease> RELEASES = List.of(
            new PublishedRelease(LocalDate.of(2026, 11, 10), ITEMS, DeliveryMethod.ELECTRONIC),
            new PublishedRelease(LocalDate.of(2026, 12, 7), List.of("性別", "生年月"), DeliveryMethod.PHYSICAL_MEDIA));

    @Test
    void japaneseTextStatesContinuousCreationItemsMethodsAndMeasuresWithTheirArticles() {
        String text = publication.render(facts("例示健康保険組合", RELEASES), Language.JA, NoticeFormat.TXT);

        assertThat(text)
                .startsWith("匿名加工情報の作成及び第三者提供に関する公表\n\n例示健康保険組合は、")
                .contains("継続的に作成し第三者に提供する匿名加工情報")
                .contains("第43条第3項及び第4項")
                .contains("規則」といいます。）第36条及び第37条")
                .contains("1. 匿名加工情報に含まれる個人に関する情報の項目（法第43条第3項）\n\n- 性別\n- 生年月\n")
                .contains("- " + DeliveryMethod.ELECTRONIC.ja() + "\n- " + DeliveryMethod.PHYSICAL_MEDIA.ja() + "\n")
                .contains("（法第43条第2項・第6項、規則第35条）\n\n" + MEASURES + "\n")
                .contains("- 2026年11月10日作成　項目：性別、生年月、資格の取得・喪失、被保険者・被扶養者の別、レセプト履歴、健診履歴　提供の方法：電磁的方法")
                .contains("- 2026年12月7日作成　項目：性別、生年月　提供の方法：記録媒体（DVD）の郵送");
        for (String item : ITEMS) {
            assertThat(text).contains("- " + item + "\n");
        }
    }

    @Test
    void englishTextStatesTheSameWithTheArticles() {
        String text =
                publication.render(facts("Example Health Insurance Society", RELEASES), Language.EN, NoticeFormat.TXT);

        assertThat(text)
                .contains("Example Health Insurance Society continuously creates anonymized information")
                .contains("(APPI Art. 43(3))")
                .contains("(APPI Art. 43(4), PPC Rules Art. 37)")
                .contains("(APPI Art. 43(2), (6); PPC Rules Art. 35)")
                .contains("- " + DeliveryMethod.ELECTRONIC.en() + "\n")
                .contains("- " + DeliveryMethod.PHYSICAL_MEDIA.en() + "\n")
                .contains("- created 2026-12-07; items: 性別, 生年月; method: recording medium (DVD) sent by post")
                .contains(MEASURES);
    }

    @Test
    void htmlIsAPageInTheLanguageWithEveryTextEscaped() {
        String ja = publication.render(facts("<例示>健保組合 & 関係者", RELEASES), Language.JA, NoticeFormat.HTML);
        String en = publication.render(facts("Example", RELEASES), Language.EN, NoticeFormat.HTML);

        assertThat(ja)
                .startsWith("<!DOCTYPE html>\n<html lang=\"ja\">")
                .contains("<h1>匿名加工情報の作成及び第三者提供に関する公表</h1>")
                .contains("&lt;例示&gt;健保組合 &amp; 関係者は、")
                .doesNotContain("<例示>")
                .contains("<li>性別</li>")
                .contains("<li>" + DeliveryMethod.PHYSICAL_MEDIA.ja() + "</li>")
                .endsWith("</main>\n</body>\n</html>\n");
        assertThat(en)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<li>" + DeliveryMethod.ELECTRONIC.en().replace("'", "&#39;") + "</li>");
    }

    @Test
    void beforeTheFirstReleaseThePublicationSaysNoneWasCreated() {
        assertThat(publication.render(facts("例示健康保険組合", List.of()), Language.JA, NoticeFormat.MD))
                .contains("## 4. 作成した匿名加工情報\n\nまだ作成していません。\n");
        assertThat(publication.render(facts("Example", List.of()), Language.EN, NoticeFormat.TXT))
                .contains("None has been created yet.");
    }
}
