package jp.kenpo.privacy.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.Bilingual;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.Flow;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * What the notice in force publishes about anonymized information (APPI Art. 43(3), PPC Rules
 * Art. 36): the items of 9.1 and the methods of provision its text names — 電子的 for
 * {@code ELECTRONIC}, 物理媒体 or DVD for {@code PHYSICAL_MEDIA}. A release may carry only these
 * items and go only by these methods; when the catalog changes them, a release under the old
 * text is refused until the new text is in force.
 */
record PublishedText(int catalogVersion, LocalDate effectiveFrom, Purpose purpose) {

    static final PurposeCode ANONYMIZED = new PurposeCode(9, 1);

    static Optional<PublishedText> inForceOn(Catalog catalog, LocalDate date) {
        Optional<CatalogVersion> version = catalog.inForceOn(date);
        return version.flatMap(v -> v.purpose(ANONYMIZED)
                .filter(p -> p.flow() == Flow.ANONYMIZED_INFORMATION && p.inForceOn(date))
                .map(p -> new PublishedText(v.version(), v.effectiveFrom(), p)));
    }

    List<String> items() {
        return purpose.publishedItems().stream().map(Bilingual::ja).toList();
    }

    boolean publishesMethod(String method) {
        String text = purpose.text().ja();
        return switch (method) {
            case "ELECTRONIC" -> text.contains("電子的");
            case "PHYSICAL_MEDIA" -> text.contains("物理媒体") || text.contains("DVD");
            default -> false;
        };
    }

    List<String> methods() {
        return ReleaseSpecReader.METHODS.stream()
                .sorted()
                .filter(this::publishesMethod)
                .toList();
    }
}
