package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import jp.kenpo.privacy.catalog.CatalogDiff.FieldChange;
import jp.kenpo.privacy.catalog.CatalogDiff.NoticeLine;
import jp.kenpo.privacy.catalog.CatalogDiff.NoticeLine.Kind;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    private static final CatalogVersion V1 = CatalogFixtures.defaultVersion();

    private static CatalogDiff diff(String source) {
        return CatalogDiff.between(V1, CatalogFile.parse(source, "v2.yaml"));
    }

    @Test
    void aNewPurposeAndARetirementAreWhatVersionTwoChanges() {
        CatalogDiff d = diff(CatalogFixtures.version2("2027-04-01", "2027-10-01"));

        assertThat(d.fromVersion()).isEqualTo(1);
        assertThat(d.toVersion()).isEqualTo(2);
        assertThat(d.added()).extracting(p -> p.code().toString()).containsExactly("3.10");
        assertThat(d.dropped()).isEmpty();
        assertThat(d.changed()).singleElement().satisfies(c -> {
            assertThat(c.code()).hasToString("3.7");
            assertThat(c.fields()).containsExactly(new FieldChange("retired_on", "", "2027-10-01"));
            assertThat(c.changesMeaning()).isFalse();
        });
        assertThat(d.texts()).isEmpty();
        assertThat(d.noticeJa())
                .filteredOn(l -> l.kind() != Kind.SAME && l.kind() != Kind.FOLDED)
                .extracting(NoticeLine::kind, NoticeLine::text)
                .containsExactly(tuple(Kind.ADDED, "- ・健康増進アプリの提供事業者への健診結果の提供"));
    }

    @Test
    void aChangedMeaningAPolicyAndPublishedItemsAreNamedFieldByField() {
        String source = CatalogFixtures.defaultSource()
                .replace("version: 1", "version: 2")
                .replace("effective_from: 2025-04-01", "effective_from: 2027-04-01")
                .replace(
                        "en: Sending medical expense notices to insured persons",
                        "en: Sending notices of medical expenses to insured persons")
                .replace(
                        "            flow: THIRD_PARTY_PROVISION\n            policy: DEEMED\n"
                                + "            reason: The notice shows dependents'",
                        "            flow: THIRD_PARTY_PROVISION\n            policy: LEGAL\n"
                                + "            statute: 健康保険法\n"
                                + "            reason: The notice shows dependents'")
                .replace("              - ja: 健診の受診履歴\n                en: History of checkups\n", "");

        CatalogDiff d = diff(source);

        assertThat(d.changed()).extracting(c -> c.code().toString()).containsExactly("3.9", "9.1");
        var notices = d.changed().get(0);
        assertThat(notices.fields()).extracting(FieldChange::field).containsExactly("en", "policy", "statute");
        assertThat(notices.changesMeaning()).isTrue();
        var anonymized = d.changed().get(1);
        assertThat(anonymized.fields())
                .extracting(FieldChange::field)
                .containsExactly("published_items.ja", "published_items.en");
        assertThat(anonymized.fields().get(0).before()).endsWith("\n健診の受診履歴");
        assertThat(anonymized.fields().get(0).after()).doesNotContain("健診の受診履歴");
        assertThat(d.noticeEn())
                .filteredOn(l -> l.kind() == Kind.REMOVED)
                .extracting(NoticeLine::text)
                .contains("- Sending medical expense notices to insured persons");
        assertThat(d.noticeEn())
                .filteredOn(l -> l.kind() == Kind.ADDED)
                .extracting(NoticeLine::text)
                .contains("- Sending notices of medical expenses to insured persons");
    }

    @Test
    void theNoticesOtherTextsAndADroppedPurposeAreShown() {
        String source = CatalogFixtures.defaultSource()
                .replace("version: 1", "version: 2")
                .replace("effective_from: 2025-04-01", "effective_from: 2027-04-01")
                .replace("en: Main purposes of use", "en: The main purposes of use");
        int at = source.indexOf("          - code: \"3.9\"");
        int end = source.indexOf("  - number: 4");
        source = source.substring(0, at) + source.substring(end);

        CatalogDiff d = diff(source);

        assertThat(d.dropped()).extracting(p -> p.code().toString()).containsExactly("3.9");
        assertThat(d.texts()).singleElement().satisfies(t -> {
            assertThat(t.field()).isEqualTo("title.en");
            assertThat(t.before()).startsWith("Main purposes of use");
            assertThat(t.after()).startsWith("The main purposes of use");
        });
        assertThat(d.isEmpty()).isFalse();
    }

    @Test
    void unchangedRunsAreFoldedDownToTheirContext() {
        String before = String.join("\n", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        String after = before.replace("e", "E");

        List<NoticeLine> lines = CatalogDiff.lines(before, after);

        assertThat(lines)
                .extracting(NoticeLine::kind)
                .containsExactly(
                        Kind.FOLDED, Kind.SAME, Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME, Kind.SAME, Kind.FOLDED);
        assertThat(lines.get(0).folded()).isEqualTo(2);
        assertThat(lines.get(3)).isEqualTo(new NoticeLine(Kind.REMOVED, 5, 0, "e", 0));
        assertThat(lines.get(4)).isEqualTo(new NoticeLine(Kind.ADDED, 0, 5, "E", 0));
        assertThat(lines.get(7).folded()).isEqualTo(3);
        assertThat(CatalogDiff.lines(before, before))
                .singleElement()
                .satisfies(l -> assertThat(l.folded()).isEqualTo(10));
    }
}
