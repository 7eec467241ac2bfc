package jp.kenpo.privacy.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kenpo.privacy.shared.NumberMask;

/**
 * An importer's reason as the pages show it: without the value it is about. The readers quote
 * what they could not take ({@code '1980-02-30' is not a date}), which helps whoever has the file
 * open at that line, but a page is read over a shoulder and a value may be a name or a birth
 * date: a quoted value and a date are left out, an individual number masked (番号法第20条). What
 * is quoted to name something — a column, a code's name in lower-case words — stays.
 */
final class ValueFree {

    static final String LEFT_OUT = "…";

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"|「([^」]*)」");
    private static final Pattern WORD = Pattern.compile("[a-z_ ]+");
    private static final Pattern DATE = Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])");

    private ValueFree() {}

    static String of(String reason) {
        if (reason == null) {
            return "";
        }
        Matcher m = QUOTED.matcher(NumberMask.mask(reason));
        var out = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String kept = WORD.matcher(inside).matches() ? m.group() : LEFT_OUT;
            m.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        m.appendTail(out);
        return DATE.matcher(out).replaceAll(LEFT_OUT);
    }
}
