package jp.kenpo.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.privacy.shared.SocietyTime;

class CatalogRulesTest {

    private final Catalog published = new Catalog(List.of(CatalogFixtures.defaultVersion()));

    private static CatalogVersion parse(String source) {
        return CatalogFile.parse(source, "v2.yaml");
    }

    @Test
    void aSuccessorReportsWhatItChanges() {
        CatalogChanges c = CatalogRules.checkSuccessor(published, parse(CatalogFixtures.version2("2027-04-01", "2027-10-01")),
                "v2.yaml");

        assertThat(c.version()).isEqualTo(2);
        assertThat(c.added()).containsExactly(PurposeCode.parse("3.10"));
        assertThat(c.retired()).containsExactly(PurposeCode.parse("3.7"));
        assertThat(c.reworded()).isEmpty();
    }

    @Test
    void aPurposeIsNeverDropped() {
        String v2 = CatalogFixtures.version2("2027-04-01", "2027-10-01");
        int from = v2.indexOf("          - code: \"6.2\"");
        int to = v2.indexOf("  - number: 7");
        // category 6's provision group is then empty: its heading goes too
        String dropped = (v2.substring(0, from) + v2.substring(to))
                .replace("      - heading: *provision\n        purposes:\n  - number: 7", "  - number: 7");

        assertThatThrownBy(() -> CatalogRules.checkSuccessor(published, parse(dropped), "v2.yaml"))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageContaining("purpose 6.2").hasMessageContaining("is missing").hasMessageContaining("retired_on");
    }

    @Test
    void versionsComeInOrder() {
        assertThatThrownBy(() -> CatalogRules.checkSuccessor(published,
                parse(CatalogFixtures.version2("2027-04-01", "2027-10-01").replace("version: 2", "version: 3")), "v2.yaml"))
                .hasMessageContaining("version must be 2");
        assertThatThrownBy(() -> CatalogRules.checkSuccessor(published,
                parse(CatalogFixtures.version2("2025-04-01", "2027-10-01")), "v2.yaml"))
                .hasMessageContaining("must be after 2025-04-01");
    }

    @Test
    void aRetirementCannotPrecedeItsVersion() {
        assertThatThrownBy(() -> CatalogRules.checkSuccessor(published,
                parse(CatalogFixtures.version2("2027-04-01", "2027-01-01")), "v2.yaml"))
                .hasMessageContaining("purpose 3.7 is retired on 2027-01-01, before this version takes effect");
    }

    @Test
    void aRetiredPurposeStaysRetired() {
        Catalog two = new Catalog(List.of(CatalogFixtures.defaultVersion(),
                parse(CatalogFixtures.version2("2027-04-01", "2027-10-01"))));
        String v3 = CatalogFixtures.version2("2028-04-01", "2027-10-01").replace("version: 2", "version: 3")
                .replace("            retired_on: 2027-10-01\n", "");

        assertThatThrownBy(() -> CatalogRules.checkSuccessor(two, parse(v3), "v3.yaml"))
                .hasMessageContaining("purpose 3.7 was retired on 2027-10-01");
    }

    @Test
    void theVersionInForceAtAnyInstant() {
        Catalog two = new Catalog(List.of(CatalogFixtures.defaultVersion(),
                parse(CatalogFixtures.version2("2027-04-01", "2027-10-01"))));
        Instant lastMomentOfV1 = SocietyTime.startOf(LocalDate.of(2027, 4, 1)).minusNanos(1);

        assertThat(two.inForceAt(lastMomentOfV1).orElseThrow().version()).isEqualTo(1);
        assertThat(two.inForceAt(SocietyTime.startOf(LocalDate.of(2027, 4, 1))).orElseThrow().version()).isEqualTo(2);
        assertThat(two.inForceOn(LocalDate.of(2025, 3, 31))).isEmpty();
        assertThat(two.purposeInForceAt(PurposeCode.parse("3.10"), lastMomentOfV1)).isEmpty();
        assertThat(two.purposeInForceAt(PurposeCode.parse("3.7"), SocietyTime.startOf(LocalDate.of(2027, 10, 1)))).isEmpty();
        assertThat(two.firstPublished(PurposeCode.parse("3.10"))).contains(LocalDate.of(2027, 4, 1));
    }
}
