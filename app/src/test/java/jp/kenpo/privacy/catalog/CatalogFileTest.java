package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(anonymized.publishedItems())
                .extracting(Bilingual::ja)
                .containsExactly("性別", "生年月", "医療保険の資格情報（加入時期、脱退時期、本人、家族区分等）", "診療報酬明細書の受診履歴", "健診の受診履歴");
        assertThat(v.purposes()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        assertThat(v.purposes())
                .filteredOn(p -> p.flow() == Flow.CONSIGNMENT)
                .extracting(p -> p.code().toString())
                .containsExactly("1.5", "1.9", "3.5", "3.6", "3.7", "4.2", "4.3", "5.2");
    }

    @Test
    void aDuplicatedCodeIsRefusedWithItsLine() {
        String bad = SOURCE.replace("code: \"1.2\"", "code: \"1.1\"");
        CatalogFileException e = refused(bad);

        assertThat(e.getMessage())
                .contains("bad.yaml:" + lineOf(SOURCE, "code: \"1.2\""))
                .contains("1.1 is used twice");
    }

    @Test
    void aCodeUnderTheWrongCategoryIsRefused() {
        assertThat(refused(SOURCE.replace("code: \"2.1\"", "code: \"3.1\"")).getMessage())
                .contains("listed under category 2");
    }

    @Test
    void aMisspeltKeyIsRefused() {
        CatalogFileException e = refused(SOURCE.replace(
                "            policy: DEEMED\n            reason: Paying",
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
        assertThat(refused(SOURCE.replaceFirst("flow: CONSIGNMENT", "flow: OUTSOURCING"))
                        .getMessage())
                .contains("'OUTSOURCING' is not a flow")
                .contains("CONSIGNMENT");
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
        assertThat(refused(SOURCE.replace("effective_from: 2025-04-01", "effective_from: 2025-02-30"))
                        .getMessage())
                .contains("bad.yaml:" + lineOf(SOURCE, "effective_from: 2025"))
                .contains("must be a date");
        assertThat(refused(SOURCE.replace("title:\n", "title: [\n")).getMessage())
                .contains("not valid YAML");
        assertThat(refused("").getMessage()).contains("empty");
    }

    @Test
    void aliasBombsAreRefused() {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }
        assertThat(refused(bomb.toString()).getMessage()).contains("bad.yaml");
    }

    @Test
    void theCatalogStatesWhichPurposesMayUseIndividualNumbers() {
        assertThat(CatalogFixtures.defaultVersion().purposes())
                .filteredOn(Purpose::usesIndividualNumbers)
                .extracting(p -> p.code().toString())
                .containsExactly("1.3", "1.8", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "8.1");
        // the statute's wording decides nothing: a LEGAL purpose citing the My Number Act without the field uses none
        String cites = SOURCE.replace("statute: 健康保険法第3条第7項・第35条・第36条・第39条", "statute: 番号法第9条第1項");
        assertThat(CatalogFile.parse(cites, "v.yaml")
                        .purpose(PurposeCode.parse("1.1"))
                        .orElseThrow()
                        .usesIndividualNumbers())
                .isFalse();
    }

    @Test
    void onlyALegalPurposeMayUseIndividualNumbers() {
        String deemed = SOURCE.replace(
                "            reason: Analysis is useful but not required by law.\n",
                "            my_number_use: true\n            reason: Analysis is useful but not required by law.\n");
        CatalogFileException e = refused(deemed);

        assertThat(e.getMessage()).contains("purpose 5.1 is DEEMED").contains("番号法第9条");
        assertThat(e.line()).isEqualTo(lineOf(deemed, "my_number_use: true\n            reason: Analysis"));
    }

    @Test
    void anInfoLinkageFlowMustSayItUsesIndividualNumbers() {
        int at = SOURCE.indexOf("my_number_use: true", SOURCE.indexOf("code: \"7.2\""));
        String silent = SOURCE.substring(0, at) + SOURCE.substring(at).replaceFirst("my_number_use: true\n\\s*", "");

        assertThat(refused(silent).getMessage())
                .contains("purpose 7.2 is an info-linkage flow")
                .contains("my_number_use: true");
        String field = "            my_number_use: true";
        assertThat(refused(SOURCE.replaceFirst(field, "            my_number_use: yes"))
                        .getMessage())
                .contains("bad.yaml:" + lineOf(SOURCE, field))
                .contains("must be true or false");
    }

    /** Versions published before the field existed are read as they were decided then: by flow or statute. */
    @Test
    void aVersionPublishedBeforeTheFieldKeepsWhatItAllowed() {
        String before = SOURCE.replaceAll("            my_number_use: true\n", "");

        assertThat(CatalogFile.parsePublished(before, "catalog version 1", false)
                        .purposes())
                .filteredOn(Purpose::usesIndividualNumbers)
                .extracting(p -> p.code().toString())
                .containsExactly("1.3", "1.8", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6");
    }

    @Test
    void retirementIsRead() {
        CatalogVersion v2 = CatalogFile.parse(CatalogFixtures.version2("2027-04-01", "2027-10-01"), "v2.yaml");

        assertThat(v2.purpose(PurposeCode.parse("3.7")).orElseThrow().retiredOn())
                .isEqualTo(Optional.of(java.time.LocalDate.of(2027, 10, 1)));
        assertThat(v2.purpose(PurposeCode.parse("3.10"))).isPresent();
    }
}
