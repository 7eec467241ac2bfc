package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CatalogFileTest {

    private static final String SOURCE = CatalogFixtures.defaultSource();

    private static int lineOf(String source, String text) {
        return source.substring(0, source.indexOf(text)).split("\n", -1).length;
    }

    private static CatalogFileException refused(String source) {
        try {
            CatalogFile.parse(source, "bad.yaml");
        } catch (CatalogFileException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void theDefaultCatalogHoldsTheNoticeAsData() {
        CatalogVersion v = CatalogFixtures.defaultVersion();

        assertThat(v.version()).isEqualTo(1);
        assertThat(v.categories()).extracting(Category::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(v.consentModel()).hasSize(3);
        Purpose collaboration = v.purpose(PurposeCode.parse("3.8")).orElseThrow();
        assertThat(collaboration.flow()).isEqualTo(Flow.THIRD_PARTY_PROVISION);
        assertThat(collaboration.policy()).isEqualTo(ConsentPolicy.DEEMED);
        Purpose linkage = v.purpose(PurposeCode.parse("1.8")).orElseThrow();
        assertThat(linkage.policy()).isEqualTo(ConsentPolicy.LEGAL);
        assertThat(linkage.statute()).get().asString().contains("番号法第19条");
        assertThat(v.categories().get(6).purposes()).allMatch(p -> p.policy() == ConsentPolicy.LEGAL);
        Purpose anonymized = v.purpose(PurposeCode.parse("9.1")).orElseThrow();
        assertThat(anonymized.flow()).isEqualTo(Flow.ANONYMIZED_INFORMATION);
        assertThat(anonymized.publishedItems()).extracting(Bilingual::ja)
                .containsExactly("性別", "生年月", "医療保険の資格情報（加入時期、脱退時期、本人、家族区分等）", "診療報酬明細書の受診履歴", "健診の受診履歴");
        assertThat(v.purposes()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        assertThat(v.purposes()).filteredOn(p -> p.flow() == Flow.CONSIGNMENT).extracting(p -> p.code().toString())
                .containsExactly("1.5", "1.9", "3.5", "3.6", "3.7", "4.2", "4.3", "5.2");
    }

    @Test
    void aDuplicatedCodeIsRefusedWithItsLine() {
        String bad = SOURCE.replace("code: \"1.2\"", "code: \"1.1\"");
        CatalogFileException e = refused(bad);

        assertThat(e.getMessage()).contains("bad.yaml:" + lineOf(SOURCE, "code: \"1.2\"")).contains("1.1 is used twice");
    }

    @Test
    void aCodeUnderTheWrongCategoryIsRefused() {
        assertThat(refused(SOURCE.replace("code: \"2.1\"", "code: \"3.1\"")).getMessage())
                .contains("listed under category 2");
    }

    @Test
    void aMisspeltKeyIsRefused() {
        CatalogFileException e = refused(SOURCE.replace("            policy: DEEMED\n            reason: Paying",
                "            polcy: DEEMED\n            reason: Paying"));

        assertThat(e.getMessage()).contains("unknown key 'polcy'");
        assertThat(e.line()).isEqualTo(lineOf(SOURCE, "policy: DEEMED\n            reason: Paying"));
    }

    @Test
    void aLegalPurposeMustNameItsStatute() {
        String bad = SOURCE.replace("            statute: 健康保険法第52条・第53条\n", "");

        assertThat(refused(bad).getMessage()).contains("purpose 1.2 is LEGAL: name the statute");
    }

    @Test
    void anUnknownFlowIsRefusedWithTheChoices() {
        assertThat(refused(SOURCE.replaceFirst("flow: CONSIGNMENT", "flow: OUTSOURCING")).getMessage())
                .contains("'OUTSOURCING' is not a flow").contains("CONSIGNMENT");
    }

    @Test
    void anonymizedInformationMustPublishItsItems() {
        int from = SOURCE.indexOf("            published_items:");
        assertThat(refused(SOURCE.substring(0, from)).getMessage()).contains("list its 'published_items'");
    }

    @Test
    void aPublishedItemMustBeInThePurposesText() {
        String bad = SOURCE.replace("              - ja: 健診の受診履歴", "              - ja: 所得情報");

        assertThat(refused(bad).getMessage()).contains("published item '所得情報' is not in the text of 9.1");
    }

    @Test
    void badDatesAndBadYamlAreRefusedWithTheirLine() {
        assertThat(refused(SOURCE.replace("effective_from: 2025-04-01", "effective_from: 2025-02-30")).getMessage())
                .contains("bad.yaml:" + lineOf(SOURCE, "effective_from: 2025")).contains("must be a date");
        assertThat(refused(SOURCE.replace("title:\n", "title: [\n")).getMessage()).contains("not valid YAML");
        assertThat(refused("").getMessage()).contains("empty");
    }

    @Test
    void aliasBombsAreRefused() {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertThat(refused(bomb.toString()).getMessage()).contains("bad.yaml");
    }

    @Test
    void retirementIsRead() {
        CatalogVersion v2 = CatalogFile.parse(CatalogFixtures.version2("2027-04-01", "2027-10-01"), "v2.yaml");

        assertThat(v2.purpose(PurposeCode.parse("3.7")).orElseThrow().retiredOn())
                .isEqualTo(Optional.of(java.time.LocalDate.of(2027, 10, 1)));
        assertThat(v2.purpose(PurposeCode.parse("3.10"))).isPresent();
    }
}
