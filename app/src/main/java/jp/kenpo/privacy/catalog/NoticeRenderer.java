package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * Renders the notice from a catalog version. The Japanese text rendering reproduces the
 * published notice line for line; a renderer that loses or changes a line is a bug (the test
 * compares it with the published text).
 */
public final class NoticeRenderer {

    private NoticeRenderer() {}

    /** The notice as published on {@code date}: retired purposes are left out. */
    public static String render(CatalogVersion version, LocalDate date, Language language, NoticeFormat format) {
        var out = PublicDocument.of(format, language);
        out.title(version.title().in(language));
        version.preamble().forEach(p -> out.paragraph(p.in(language)));
        out.list(version.consentModel().stream().map(b -> b.in(language)).toList());
        out.paragraph(version.recordMarker().in(language));
        for (Category category : version.categories()) {
            out.heading(category.number() + ". " + category.heading().in(language));
            category.intro().ifPresent(i -> out.paragraph(i.in(language)));
            for (PurposeGroup group : category.groups()) {
                List<String> lines = group.purposes().stream()
                        .filter(p -> p.inForceOn(date))
                        .map(p -> p.text().in(language))
                        .toList();
                if (lines.isEmpty()) {
                    continue;
                }
                if (group.heading().isPresent()) {
                    out.subheading(group.heading().get().in(language));
                    out.list(lines, language == Language.JA ? "・" : "");
                } else {
                    lines.forEach(out::paragraph);
                }
            }
        }
        out.footer(versionLine(version, language));
        return out.toString();
    }

    private static String versionLine(CatalogVersion version, Language language) {
        return language == Language.JA
                ? "第" + version.version() + "版（" + version.effectiveFrom() + "施行）"
                : "Version " + version.version() + ", in force from " + version.effectiveFrom();
    }
}
