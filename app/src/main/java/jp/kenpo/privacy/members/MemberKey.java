package jp.kenpo.privacy.members;

import java.util.regex.Pattern;

/**
 * How staff and other systems address a member: 記号-番号-枝番 ({@code SYMBOL-NUMBER-BRANCH}),
 * e.g. {@code 1234-5678-01}. Symbol and number are ASCII letters and digits; the branch (枝番)
 * is two digits.
 */
public record MemberKey(String symbol, String number, String branch) implements Comparable<MemberKey> {

    private static final Pattern PART = Pattern.compile("[0-9A-Za-z]{1,20}");
    private static final Pattern BRANCH = Pattern.compile("[0-9]{2}");

    public MemberKey {
        check(symbol, PART, "symbol (記号)", "1 to 20 ASCII letters or digits");
        check(number, PART, "number (番号)", "1 to 20 ASCII letters or digits");
        check(branch, BRANCH, "branch (枝番)", "two digits");
    }

    private static void check(String value, Pattern shape, String what, String expected) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be " + expected);
        }
    }

    public static MemberKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a member key: write SYMBOL-NUMBER-BRANCH, e.g. 1234-5678-01");
        }
        return new MemberKey(parts[0], parts[1], parts[2]);
    }

    /** The insured person's key for a dependent with the same symbol and number. */
    public MemberKey withBranch(String otherBranch) {
        return new MemberKey(symbol, number, otherBranch);
    }

    @Override
    public int compareTo(MemberKey o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return symbol + "-" + number + "-" + branch;
    }
}
