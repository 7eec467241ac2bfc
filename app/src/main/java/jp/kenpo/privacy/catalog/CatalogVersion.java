package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One published version of the catalog: the whole notice as data, in force from
 * {@code effectiveFrom} (00:00 Asia/Tokyo) until the next version's date.
 *
 * @param preamble     the paragraphs before the consent model
 * @param consentModel the (ア)(イ)(ウ) lines: reservation, deemed consent, change at any time
 * @param recordMarker the 「記」 line that opens the list of categories
 */
public record CatalogVersion(
        int version,
        LocalDate effectiveFrom,
        Bilingual title,
        List<Bilingual> preamble,
        List<Bilingual> consentModel,
        Bilingual recordMarker,
        List<Category> categories) {

    public CatalogVersion {
        preamble = List.copyOf(preamble);
        consentModel = List.copyOf(consentModel);
        categories = List.copyOf(categories);
    }

    public List<Purpose> purposes() {
        return categories.stream().flatMap(c -> c.purposes().stream()).toList();
    }

    public Map<PurposeCode, Purpose> purposesByCode() {
        var byCode = new LinkedHashMap<PurposeCode, Purpose>();
        purposes().forEach(p -> byCode.put(p.code(), p));
        return byCode;
    }

    public Optional<Purpose> purpose(PurposeCode code) {
        return purposes().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<Category> category(int number) {
        return categories.stream().filter(c -> c.number() == number).findFirst();
    }

    /** The purposes in force on a date: all but those retired by then. */
    public List<Purpose> purposesInForceOn(LocalDate date) {
        return purposes().stream().filter(p -> p.inForceOn(date)).toList();
    }
}
