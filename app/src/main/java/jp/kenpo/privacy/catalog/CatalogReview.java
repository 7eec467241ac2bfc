package jp.kenpo.privacy.catalog;

import java.util.Optional;

/**
 * A catalog file checked as it would be published, and compared with the version in force: what
 * the officer reads before publishing it.
 *
 * @param sha256    the file's SHA-256, as the publication will record it
 * @param proposed  the version the file describes; empty when the file cannot be read at all
 * @param refusal   why it cannot be published, with the line; empty when it can
 * @param changes   what the checker reports (added, retired), when it can be published
 * @param inForce   the version in force today, if any
 * @param scheduled a published version that takes effect later, which the new one must follow
 * @param diff      the new version against the one in force, when the file could be read
 */
public record CatalogReview(
        String file,
        String sha256,
        Optional<CatalogVersion> proposed,
        Optional<Refusal> refusal,
        Optional<CatalogChanges> changes,
        Optional<CatalogVersion> inForce,
        Optional<CatalogVersion> scheduled,
        Optional<CatalogDiff> diff) {

    /** A rule the file breaks: its line (0 for the file as a whole) and the reason. */
    public record Refusal(int line, String reason) {}

    public boolean publishable() {
        return refusal.isEmpty();
    }
}
