package jp.kenpo.privacy.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.shared.SocietyTime;

/** Every published version of the catalog, oldest first: which notice was in force at any instant. */
public record Catalog(List<CatalogVersion> versions) {

    public Catalog {
        versions = versions.stream()
                .sorted(Comparator.comparing(CatalogVersion::effectiveFrom))
                .toList();
    }

    public Optional<CatalogVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<CatalogVersion> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    public Optional<CatalogVersion> inForceOn(LocalDate date) {
        CatalogVersion found = null;
        for (CatalogVersion v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<CatalogVersion> inForceAt(Instant at) {
        return inForceOn(SocietyTime.dateOf(at));
    }

    /** The purpose as published in the version in force at the instant, unless it was retired by then. */
    public Optional<Purpose> purposeInForceAt(PurposeCode code, Instant at) {
        LocalDate date = SocietyTime.dateOf(at);
        return inForceOn(date).flatMap(v -> v.purpose(code)).filter(p -> p.inForceOn(date));
    }

    /** Whether any version ever published the purpose. */
    public boolean knows(PurposeCode code) {
        return versions.stream().anyMatch(v -> v.purpose(code).isPresent());
    }

    /** The effective date of the first version that published the purpose. */
    public Optional<LocalDate> firstPublished(PurposeCode code) {
        return versions.stream()
                .filter(v -> v.purpose(code).isPresent())
                .findFirst()
                .map(CatalogVersion::effectiveFrom);
    }

    public boolean knowsCategory(int number) {
        return versions.stream().anyMatch(v -> v.category(number).isPresent());
    }
}
