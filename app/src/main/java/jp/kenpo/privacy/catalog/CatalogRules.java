package jp.kenpo.privacy.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a new catalog version must respect of the versions already published: it comes later,
 * and no purpose is silently dropped or reused — a purpose leaves the notice only by being
 * retired with a date, and a retired code keeps its text for ever.
 */
public final class CatalogRules {

    private CatalogRules() {
    }

    /** @throws CatalogFileException naming the first rule the new version breaks */
    public static CatalogChanges checkSuccessor(Catalog published, CatalogVersion next, String file) {
        var latestOpt = published.latest();
        if (latestOpt.isEmpty()) {
            return new CatalogChanges(next.version(), next.purposes().stream().map(Purpose::code).toList(),
                    List.of(), List.of(), List.of());
        }
        CatalogVersion latest = latestOpt.get();
        if (next.version() != latest.version() + 1) {
            throw new CatalogFileException(file, 0, "version must be " + (latest.version() + 1)
                    + " (the latest published version is " + latest.version() + "), not " + next.version());
        }
        if (!next.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw new CatalogFileException(file, 0, "effective_from " + next.effectiveFrom()
                    + " must be after " + latest.effectiveFrom() + ", when version " + latest.version() + " took effect");
        }
        for (Category c : latest.categories()) {
            if (next.category(c.number()).isEmpty()) {
                throw new CatalogFileException(file, 0, "category " + c.number() + " (" + c.heading().ja()
                        + ") is missing: a category stays in the notice; retire its purposes instead");
            }
        }
        Map<PurposeCode, Purpose> nextByCode = next.purposesByCode();
        var added = new ArrayList<PurposeCode>();
        var retired = new ArrayList<PurposeCode>();
        var reworded = new ArrayList<PurposeCode>();
        var reclassified = new ArrayList<PurposeCode>();
        for (Purpose before : latest.purposes()) {
            Purpose after = nextByCode.get(before.code());
            if (after == null) {
                throw new CatalogFileException(file, 0, "purpose " + before.code() + " (" + before.text().ja()
                        + ") is missing: a purpose is never dropped; keep it with 'retired_on: YYYY-MM-DD'");
            }
            if (before.retiredOn().isPresent()) {
                if (!after.retiredOn().equals(before.retiredOn()) || !after.text().ja().equals(before.text().ja())) {
                    throw new CatalogFileException(file, 0, "purpose " + before.code() + " was retired on "
                            + before.retiredOn().get() + ": it stays retired on that date with the same text");
                }
                continue;
            }
            if (after.retiredOn().isPresent()) {
                if (after.retiredOn().get().isBefore(next.effectiveFrom())) {
                    throw new CatalogFileException(file, 0, "purpose " + after.code() + " is retired on "
                            + after.retiredOn().get() + ", before this version takes effect on " + next.effectiveFrom());
                }
                retired.add(after.code());
            }
            if (!after.text().ja().equals(before.text().ja())) {
                reworded.add(after.code());
            }
            if (after.policy() != before.policy() || after.flow() != before.flow()) {
                reclassified.add(after.code());
            }
        }
        var latestCodes = latest.purposesByCode();
        for (Purpose p : next.purposes()) {
            if (!latestCodes.containsKey(p.code())) {
                added.add(p.code());
            }
        }
        return new CatalogChanges(next.version(), added, retired, reworded, reclassified);
    }
}
