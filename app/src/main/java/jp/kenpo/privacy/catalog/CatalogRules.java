package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a catalog version must respect: the first lists each category's purposes as 1, 2, 3… in
 * the notice's order; a later one comes later, never takes effect in the past, and never drops,
 * reuses or changes the meaning of a purpose — a purpose leaves the notice only by being retired
 * with a date, and a retired code keeps its text for ever.
 */
public final class CatalogRules {

    private CatalogRules() {}

    /**
     * @param today the society's date when the version is published: a version cannot take effect
     *              before it, or the notice "in force" on past days would change after the fact
     * @throws CatalogFileException naming the line of the first rule the new version breaks
     */
    static CatalogChanges checkSuccessor(Catalog published, CatalogFile.Parsed parsed, String file, LocalDate today) {
        CatalogVersion next = parsed.version();
        SourceLines lines = parsed.lines();
        var latestOpt = published.latest();
        if (latestOpt.isEmpty()) {
            checkFirstOrder(next, lines, file);
            return new CatalogChanges(
                    next.version(), next.purposes().stream().map(Purpose::code).toList(), List.of());
        }
        CatalogVersion latest = latestOpt.get();
        if (next.version() != latest.version() + 1) {
            throw new CatalogFileException(
                    file,
                    lines.version(),
                    "version must be " + (latest.version() + 1) + " (the latest published version is "
                            + latest.version() + "), not " + next.version());
        }
        if (!next.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw new CatalogFileException(
                    file,
                    lines.effectiveFrom(),
                    "effective_from " + next.effectiveFrom() + " must be after " + latest.effectiveFrom()
                            + ", when version " + latest.version() + " took effect");
        }
        if (next.effectiveFrom().isBefore(today)) {
            throw new CatalogFileException(
                    file,
                    lines.effectiveFrom(),
                    "effective_from " + next.effectiveFrom() + " is in the past (today is " + today
                            + "): what the notice said on a past day cannot change afterwards");
        }
        for (Category c : latest.categories()) {
            if (next.category(c.number()).isEmpty()) {
                throw new CatalogFileException(
                        file,
                        0,
                        "category " + c.number() + " (" + c.heading().ja()
                                + ") is missing: a category stays in the notice; retire its purposes instead");
            }
        }
        Map<PurposeCode, Purpose> nextByCode = next.purposesByCode();
        var retired = new ArrayList<PurposeCode>();
        for (Purpose before : latest.purposes()) {
            Purpose after = nextByCode.get(before.code());
            if (after == null) {
                throw new CatalogFileException(
                        file,
                        lines.category(before.code().category()),
                        "purpose " + before.code() + " (" + before.text().ja()
                                + ") is missing: a purpose is never dropped; keep it with 'retired_on: YYYY-MM-DD'");
            }
            int line = lines.purpose(after.code());
            if (before.retiredOn().isPresent()) {
                if (!after.retiredOn().equals(before.retiredOn())
                        || !after.text().ja().equals(before.text().ja())) {
                    throw new CatalogFileException(
                            file,
                            line,
                            "purpose " + before.code() + " was retired on "
                                    + before.retiredOn().get() + ": it stays retired on that date with the same text");
                }
                continue;
            }
            checkSameMeaning(before, after, file, line);
            if (after.retiredOn().isPresent()) {
                if (after.retiredOn().get().isBefore(next.effectiveFrom())) {
                    throw new CatalogFileException(
                            file,
                            line,
                            "purpose " + after.code() + " is retired on "
                                    + after.retiredOn().get() + ", before this version takes effect on "
                                    + next.effectiveFrom());
                }
                retired.add(after.code());
            }
        }
        return new CatalogChanges(next.version(), checkSuccessorOrder(latest, next, lines, file), retired);
    }

    /**
     * A reservation or consent recorded for a purpose stays attached to its code, so the code's
     * wording, flow, consent policy and use of individual numbers are fixed once published: a
     * changed purpose of use is a new purpose (APPI Art. 17(2), 21(3)), published under a new code
     * while the old one is retired. Which purposes may use numbers decides who may read the vault
     * (番号法第9条, 第20条): it is not to be widened by an edit of a published line.
     * The English title, the reason and the statute's citation may be corrected.
     */
    private static void checkSameMeaning(Purpose before, Purpose after, String file, int line) {
        String change = !after.text().ja().equals(before.text().ja())
                ? "its Japanese text"
                : after.flow() != before.flow()
                        ? "its flow from " + before.flow() + " to " + after.flow()
                        : after.policy() != before.policy()
                                ? "its consent policy from " + before.policy() + " to " + after.policy()
                                : after.usesIndividualNumbers() != before.usesIndividualNumbers()
                                        ? "whether it may use individual numbers (my_number_use) from "
                                                + before.usesIndividualNumbers() + " to "
                                                + after.usesIndividualNumbers()
                                        : null;
        if (change != null) {
            throw new CatalogFileException(
                    file,
                    line,
                    "purpose " + after.code() + " changes " + change
                            + ": a published purpose keeps its meaning, and the reservations and consents recorded for it; "
                            + "retire " + after.code() + " and publish the new purpose under a new code");
        }
    }

    /** The first version: each category's codes run 1, 2, 3… in the notice's order. */
    private static void checkFirstOrder(CatalogVersion first, SourceLines lines, String file) {
        for (Category c : first.categories()) {
            int expected = 1;
            for (Purpose p : c.purposes()) {
                if (p.code().item() != expected) {
                    throw new CatalogFileException(
                            file,
                            lines.purpose(p.code()),
                            "purpose code " + p.code() + " is out of the notice's order: expected " + c.number() + "."
                                    + expected);
                }
                expected++;
            }
        }
    }

    /**
     * A later version keeps the published purposes in their order and may place a new one
     * anywhere in its category, under a code above every code the category has had (never reused).
     *
     * @return the new codes
     */
    private static List<PurposeCode> checkSuccessorOrder(
            CatalogVersion latest, CatalogVersion next, SourceLines lines, String file) {
        var added = new ArrayList<PurposeCode>();
        Map<PurposeCode, Purpose> known = latest.purposesByCode();
        for (Category c : next.categories()) {
            int highest = latest.category(c.number())
                    .map(k -> k.purposes().stream()
                            .mapToInt(p -> p.code().item())
                            .max()
                            .orElse(0))
                    .orElse(0);
            int previousKnown = 0;
            for (Purpose p : c.purposes()) {
                int line = lines.purpose(p.code());
                if (known.containsKey(p.code())) {
                    if (p.code().item() < previousKnown) {
                        throw new CatalogFileException(
                                file,
                                line,
                                "purpose " + p.code() + " is listed after " + c.number() + "." + previousKnown
                                        + ": published purposes keep their order in the notice");
                    }
                    previousKnown = p.code().item();
                } else if (p.code().item() <= highest) {
                    throw new CatalogFileException(
                            file,
                            line,
                            "purpose code " + p.code() + " is new but not above "
                                    + c.number() + "." + highest + ", the highest code category " + c.number()
                                    + " has had: a new purpose takes the next free code");
                } else {
                    added.add(p.code());
                }
            }
        }
        return added;
    }
}
