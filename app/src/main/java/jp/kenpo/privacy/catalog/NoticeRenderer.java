package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the notice from a catalog version. The Japanese text rendering reproduces the
 * published notice line for line; a renderer that loses or changes a line is a bug (the test
 * compares it with the published text).
 */
public final class NoticeRenderer {

    private NoticeRenderer() {}

    /** The notice as published on {@code date}: retired purposes are left out. */
    public static String render(CatalogVersion version, LocalDate date, Language language, NoticeFormat format) {
        var out = switch (format) {
            case TXT -> new Text(language, false);
            case MD -> new Text(language, true);
            case HTML -> new Html(language);
        };
        out.title(version.title().in(language));
        version.preamble().forEach(p -> out.paragraph(p.in(language)));
        out.list(version.consentModel().stream().map(b -> b.in(language)).toList(), false);
        out.paragraph(version.recordMarker().in(language));
        for (Category category : version.categories()) {
            out.categoryHeading(category.number() + ". " + category.heading().in(language));
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
                    out.groupHeading(group.heading().get().in(language));
                    out.list(lines, true);
                } else {
                    lines.forEach(out::paragraph);
                }
            }
        }
        out.footer(version, language);
        return out.toString();
    }

    private interface Writer {
        void title(String text);

        void paragraph(String text);

        void categoryHeading(String text);

        void groupHeading(String text);

        void list(List<String> items, boolean purposes);

        void footer(CatalogVersion version, Language language);
    }

    /** Blocks separated by one blank line, as in the published notice. */
    private static final class Text implements Writer {
        private final StringBuilder sb = new StringBuilder();
        private final Language language;
        private final boolean markdown;

        Text(Language language, boolean markdown) {
            this.language = language;
            this.markdown = markdown;
        }

        private void block(String text) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(text).append('\n');
        }

        @Override
        public void title(String text) {
            block(markdown ? "# " + text : text);
        }

        @Override
        public void paragraph(String text) {
            block(text);
        }

        @Override
        public void categoryHeading(String text) {
            block(markdown ? "## " + text : text);
        }

        @Override
        public void groupHeading(String text) {
            String bracketed = language == Language.JA ? "【" + text + "】" : "[" + text + "]";
            block(markdown ? "### " + bracketed : bracketed);
        }

        @Override
        public void list(List<String> items, boolean purposes) {
            String bullet = purposes && language == Language.JA ? "- ・" : "- ";
            block(String.join("\n", items.stream().map(i -> bullet + i).toList()));
        }

        @Override
        public void footer(CatalogVersion version, Language language) {
            if (markdown) {
                block("_" + versionLine(version, language) + "_");
            }
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    private static final class Html implements Writer {
        private final StringBuilder sb = new StringBuilder();

        Html(Language language) {
            String lang = language == Language.JA ? "ja" : "en";
            sb.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"UTF-8\">\n");
        }

        private static String esc(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }

        @Override
        public void title(String text) {
            sb.append("<title>")
                    .append(esc(text))
                    .append("</title>\n</head>\n<body>\n<main>\n<h1>")
                    .append(esc(text))
                    .append("</h1>\n");
        }

        @Override
        public void paragraph(String text) {
            sb.append("<p>").append(esc(text)).append("</p>\n");
        }

        @Override
        public void categoryHeading(String text) {
            sb.append("<h2>").append(esc(text)).append("</h2>\n");
        }

        @Override
        public void groupHeading(String text) {
            sb.append("<h3>").append(esc(text)).append("</h3>\n");
        }

        @Override
        public void list(List<String> items, boolean purposes) {
            sb.append("<ul>\n");
            items.forEach(i -> sb.append("<li>").append(esc(i)).append("</li>\n"));
            sb.append("</ul>\n");
        }

        @Override
        public void footer(CatalogVersion version, Language language) {
            sb.append("<footer><p>").append(esc(versionLine(version, language))).append("</p></footer>\n");
        }

        @Override
        public String toString() {
            return sb + "</main>\n</body>\n</html>\n";
        }
    }

    private static String versionLine(CatalogVersion version, Language language) {
        return language == Language.JA
                ? "第" + version.version() + "版（" + version.effectiveFrom() + "施行）"
                : "Version " + version.version() + ", in force from " + version.effectiveFrom();
    }
}
