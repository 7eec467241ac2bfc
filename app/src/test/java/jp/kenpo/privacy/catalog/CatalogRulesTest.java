package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.kenpo.privacy.shared.SocietyTime;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String V2 = CatalogFixtures.version2("2027-04-01", "2027-10-01");

    private final Catalog published = new Catalog(List.of(CatalogFixtures.defaultVersion()));

    private static CatalogVersion parse(String source) {
        return CatalogFile.parse(source, "v2.yaml");
    }

    private CatalogChanges check(String source) {
        return CatalogRules.checkSuccessor(published, CatalogFile.read(source, "v2.yaml"), "v2.yaml", TODAY);
    }

    /** The refusal, with the line of {@code text} (its first occurrence) in {@code source}. */
    private AbstractThrowableAssert<?, ? extends Throwable> refusedAt(String source, String text) {
        int line = source.substring(0, source.indexOf(text)).split("\n", -1).length;
        return assertThatThrownBy(() -> check(source))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageStartingWith("v2.yaml:" + line + ": ");
    }

    @Test
    void aSuccessorReportsWhatItChanges() {
        CatalogChanges c = check(V2);

        assertThat(c.version()).isEqualTo(2);
        assertThat(c.added()).containsExactly(PurposeCode.parse("3.10"));
        assertThat(c.retired()).containsExactly(PurposeCode.parse("3.7"));
    }

    @Test
    void theFirstVersionListsEachCategoryInTheNoticesOrder() {
        String source = CatalogFixtures.defaultSource().replace("code: \"2.2\"", "code: \"2.3\"");
        assertThatThrownBy(() -> CatalogRules.checkSuccessor(
                        new Catalog(List.of()), CatalogFile.read(source, "v1.yaml"), "v1.yaml", TODAY))
                .hasMessageStartingWith("v1.yaml:" + lineOf(source, "code: \"2.3\"") + ": ")
                .hasMessageContaining("out of the notice's order: expected 2.2");
    }

    @Test
    void aNewPurposeMayGoAnywhereInItsCategoryUnderTheNextFreeCode() {
        // 3.10 placed in category 3's first group, among the internal uses
        String first = "          - code: \"3.2\"";
        String v2 = V2.replace(CatalogFixtures.PURPOSE_3_10, "").replace(first, """
                          - code: "3.10"
                            ja: 健診結果を活用した新しい保健事業
                            en: A new health programme using checkup results
                            flow: INTERNAL_USE
                            policy: DEEMED
                            reason: A new voluntary service.
                """ + first);

        assertThat(check(v2).added()).containsExactly(PurposeCode.parse("3.10"));
        assertThatThrownBy(() -> check(v2.replace("code: \"3.10\"", "code: \"3.9\"")))
                .hasMessageContaining("3.9 is used twice");
        int from = V2.indexOf("          - code: \"3.3\"");
        int to = V2.indexOf("          - code: ", from + 1);
        String block = V2.substring(from, to);
        String without = V2.substring(0, from) + V2.substring(to);
        String reordered = without.replace(first, block + first);
        refusedAt(reordered, first)
                .hasMessageContaining("purpose 3.2 is listed after 3.3")
                .hasMessageContaining("keep their order");
    }

    @Test
    void aNewPurposeNeverTakesACodeBelowTheHighestItsCategoryHasHad() {
        assertThatThrownBy(() -> check(V2.replace("code: \"3.10\"", "code: \"3.7\"")))
                .hasMessageContaining("3.7 is used twice");
        // version 2 skips 3.10 and publishes 3.11; a version 3 cannot then add 3.10
        String v2 = V2.replace("code: \"3.10\"", "code: \"3.11\"");
        Catalog two = new Catalog(List.of(CatalogFixtures.defaultVersion(), parse(v2)));
        String newPurpose = "          - code: \"3.10\"\n            ja: 新しい目的\n            en: A new purpose\n"
                + "            flow: INTERNAL_USE\n            policy: DEEMED\n            reason: Another.\n";
        String v3 = v2.replace("version: 2", "version: 3")
                .replace("effective_from: 2027-04-01", "effective_from: 2028-04-01")
                .replace("          - code: \"3.11\"", newPurpose + "          - code: \"3.11\"");

        assertThatThrownBy(() -> CatalogRules.checkSuccessor(two, CatalogFile.read(v3, "v3.yaml"), "v3.yaml", TODAY))
                .hasMessageStartingWith("v3.yaml:" + lineOf(v3, "code: \"3.10\"") + ": ")
                .hasMessageContaining("3.10 is new but not above 3.11");
        String v3Next = v3.replace("code: \"3.10\"", "code: \"3.12\"");
        assertThat(CatalogRules.checkSuccessor(two, CatalogFile.read(v3Next, "v3.yaml"), "v3.yaml", TODAY)
                        .added())
                .containsExactly(PurposeCode.parse("3.12"));
    }

    @Test
    void aPublishedPurposeKeepsItsMeaning() {
        String ja38 = CatalogFixtures.defaultVersion()
                .purposesByCode()
                .get(PurposeCode.parse("3.8"))
                .text()
                .ja();
        refusedAt(V2.replace(ja38, ja38 + "（改）"), "code: \"3.8\"")
                .hasMessageContaining("purpose 3.8 changes its Japanese text")
                .hasMessageContaining("retire 3.8");
        String at38 = "code: \"3.8\"";
        String legal = withinPurpose(V2, at38, "policy: DEEMED", "policy: LEGAL\n            statute: 健康保険法第150条");
        refusedAt(legal, at38).hasMessageContaining("changes its consent policy from DEEMED to LEGAL");
        String flow = withinPurpose(V2, at38, "flow: " + flowOf("3.8"), "flow: INTERNAL_USE");
        refusedAt(flow, at38).hasMessageContaining("changes its flow");
        // an English title may be corrected
        String en = withinPurpose(V2, at38, "en: ", "en: Corrected title — ");
        assertThat(check(en).added()).containsExactly(PurposeCode.parse("3.10"));
    }

    /** Who may read the vault follows the field: an edit of a published line cannot widen or narrow it. */
    @Test
    void aPublishedPurposeKeepsWhetherItUsesIndividualNumbers() {
        String at13 = "code: \"1.3\"";
        String dropped = withinPurpose(V2, at13, "            my_number_use: true\n", "");
        refusedAt(dropped, at13)
                .hasMessageContaining("purpose 1.3 changes whether it may use individual numbers")
                .hasMessageContaining("from true to false");
        String at11 = "code: \"1.1\"";
        String added = withinPurpose(
                V2, at11, "            reason: ", "            my_number_use: true\n            reason: ");
        refusedAt(added, at11).hasMessageContaining("purpose 1.1 changes whether it may use individual numbers");
        // the statute's citation may be corrected, and the purpose still uses numbers
        String cited =
                withinPurpose(V2, at13, "statute: 番号法第9条第1項", "statute: 行政手続における特定の個人を識別するための番号の利用等に関する法律第9条第1項");
        assertThat(check(cited).added()).containsExactly(PurposeCode.parse("3.10"));
        assertThat(parse(cited).purpose(PurposeCode.parse("1.3")).orElseThrow().usesIndividualNumbers())
                .isTrue();
    }

    @Test
    void aPurposeIsNeverDropped() {
        int from = V2.indexOf("          - code: \"6.2\"");
        int to = V2.indexOf("  - number: 7");
        // category 6's provision group is then empty: its heading goes too
        String dropped = (V2.substring(0, from) + V2.substring(to))
                .replace("      - heading: *provision\n        purposes:\n  - number: 7", "  - number: 7");

        refusedAt(dropped, "  - number: 6")
                .hasMessageContaining("purpose 6.2")
                .hasMessageContaining("is missing")
                .hasMessageContaining("retired_on");
    }

    @Test
    void versionsComeInOrderAndNeverTakeEffectInThePast() {
        refusedAt(V2.replace("version: 2", "version: 3"), "version: 3").hasMessageContaining("version must be 2");
        String early = CatalogFixtures.version2("2025-04-01", "2027-10-01");
        refusedAt(early, "effective_from: 2025").hasMessageContaining("must be after 2025-04-01");
        String past = CatalogFixtures.version2("2026-11-30", "2027-10-01");
        refusedAt(past, "effective_from: 2026").hasMessageContaining("is in the past (today is 2026-12-01)");
        assertThat(check(CatalogFixtures.version2("2026-12-01", "2027-10-01")).version())
                .isEqualTo(2);
    }

    @Test
    void aRetirementCannotPrecedeItsVersion() {
        String source = CatalogFixtures.version2("2027-04-01", "2027-01-01");
        refusedAt(source, "code: \"3.7\"")
                .hasMessageContaining("purpose 3.7 is retired on 2027-01-01, before this version takes effect");
    }

    @Test
    void aRetiredPurposeStaysRetired() {
        Catalog two = new Catalog(List.of(CatalogFixtures.defaultVersion(), parse(V2)));
        String v3 = CatalogFixtures.version2("2028-04-01", "2027-10-01")
                .replace("version: 2", "version: 3")
                .replace("            retired_on: 2027-10-01\n", "");

        assertThatThrownBy(() -> CatalogRules.checkSuccessor(two, CatalogFile.read(v3, "v3.yaml"), "v3.yaml", TODAY))
                .hasMessageStartingWith("v3.yaml:" + lineOf(v3, "code: \"3.7\"") + ": ")
                .hasMessageContaining("purpose 3.7 was retired on 2027-10-01");
    }

    @Test
    void theVersionInForceAtAnyInstant() {
        Catalog two = new Catalog(List.of(CatalogFixtures.defaultVersion(), parse(V2)));
        Instant lastMomentOfV1 = SocietyTime.startOf(LocalDate.of(2027, 4, 1)).minusNanos(1);

        assertThat(two.inForceAt(lastMomentOfV1).orElseThrow().version()).isEqualTo(1);
        assertThat(two.inForceAt(SocietyTime.startOf(LocalDate.of(2027, 4, 1)))
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
        assertThat(two.inForceOn(LocalDate.of(2025, 3, 31))).isEmpty();
        assertThat(two.purposeInForceAt(PurposeCode.parse("3.10"), lastMomentOfV1))
                .isEmpty();
        assertThat(two.purposeInForceAt(PurposeCode.parse("3.7"), SocietyTime.startOf(LocalDate.of(2027, 10, 1))))
                .isEmpty();
        assertThat(two.firstPublished(PurposeCode.parse("3.10"))).contains(LocalDate.of(2027, 4, 1));
    }

    private static int lineOf(String source, String text) {
        return source.substring(0, source.indexOf(text)).split("\n", -1).length;
    }

    private static String flowOf(String code) {
        return CatalogFixtures.defaultVersion()
                .purposesByCode()
                .get(PurposeCode.parse(code))
                .flow()
                .name();
    }

    /** Replaces the first {@code from} after the purpose's code line. */
    private static String withinPurpose(String source, String codeLine, String from, String to) {
        int at = source.indexOf(from, source.indexOf(codeLine));
        return source.substring(0, at) + to + source.substring(at + from.length());
    }
}
