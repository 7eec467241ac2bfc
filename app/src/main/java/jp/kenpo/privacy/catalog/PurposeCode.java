package jp.kenpo.privacy.catalog;

import java.util.regex.Pattern;

/**
 * The stable code of a purpose of use: its category and its place in the category, in the
 * notice's order ({@code 3.8} is the eighth line of category 3). A code is never reused.
 */
public record PurposeCode(int category, int item) implements Comparable<PurposeCode> {

    /** A code as written, CATEGORY.ITEM, both from 1: the pattern the API's description gives too. */
    public static final String REGEX = "([1-9][0-9]?)\\.([1-9][0-9]?)";

    private static final Pattern SHAPE = Pattern.compile(REGEX);

    public PurposeCode {
        if (category < 1 || item < 1) {
            throw new IllegalArgumentException("a purpose code is CATEGORY.ITEM, both from 1");
        }
    }

    public static PurposeCode parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a purpose code: write CATEGORY.ITEM, e.g. 3.8");
        }
        return new PurposeCode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(PurposeCode o) {
        return category != o.category ? Integer.compare(category, o.category) : Integer.compare(item, o.item);
    }

    @Override
    public String toString() {
        return category + "." + item;
    }
}
