package jp.kenpo.privacy.catalog;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A document the society publishes — the notice, the statement on anonymized information — in
 * one of the notice's formats: text blocks separated by a blank line as the notice is printed,
 * Markdown, or an escaped HTML page. One writer, so that every public text looks and escapes
 * alike.
 */
public abstract sealed class PublicDocument permits PublicDocument.Text, PublicDocument.Html {

    final StringBuilder sb = new StringBuilder();
    final Language language;

    private PublicDocument(Language language) {
        this.language = language;
    }

    public static PublicDocument of(NoticeFormat format, Language language) {
        return switch (format) {
            case TXT -> new Text(language, false);
            case MD -> new Text(language, true);
            case HTML -> new Html(language);
        };
    }

    public abstract void title(String text);

    public abstract void heading(String text);

    /** A heading under a heading; printed in brackets (【】 in Japanese) as the notice's groups are. */
    public abstract void subheading(String text);

    public abstract void paragraph(String text);

    /** A list; {@code textBullet} follows the dash in the text forms (the notice's ・), not in HTML. */
    public abstract void list(List<String> items, String textBullet);

    public void list(List<String> items) {
        list(items, "");
    }

    /** A closing line (the version of the notice); the plain text form, as printed, has none. */
    public abstract void footer(String text);

    static final class Text extends PublicDocument {
        private final boolean markdown;

        Text(Language language, boolean markdown) {
            super(language);
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
        public void heading(String text) {
            block(markdown ? "## " + text : text);
        }

        @Override
        public void subheading(String text) {
            String bracketed = language == Language.JA ? "【" + text + "】" : "[" + text + "]";
            block(markdown ? "### " + bracketed : bracketed);
        }

        @Override
        public void paragraph(String text) {
            block(text);
        }

        @Override
        public void list(List<String> items, String textBullet) {
            block(String.join(
                    "\n", items.stream().map(i -> "- " + textBullet + i).toList()));
        }

        @Override
        public void footer(String text) {
            if (markdown) {
                block("_" + text + "_");
            }
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    static final class Html extends PublicDocument {

        Html(Language language) {
            super(language);
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
        public void heading(String text) {
            sb.append("<h2>").append(esc(text)).append("</h2>\n");
        }

        @Override
        public void subheading(String text) {
            sb.append("<h3>").append(esc(text)).append("</h3>\n");
        }

        @Override
        public void paragraph(String text) {
            sb.append("<p>").append(esc(text)).append("</p>\n");
        }

        @Override
        public void list(List<String> items, String textBullet) {
            sb.append("<ul>\n");
            items.forEach(i -> sb.append("<li>").append(esc(i)).append("</li>\n"));
            sb.append("</ul>\n");
        }

        @Override
        public void footer(String text) {
            sb.append("<footer><p>").append(esc(text)).append("</p></footer>\n");
        }

        @Override
        public String toString() {
            return sb + "</main>\n</body>\n</html>\n";
        }
    }
}
