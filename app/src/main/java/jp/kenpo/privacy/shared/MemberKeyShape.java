package jp.kenpo.privacy.shared;

/**
 * How a member key is written, {@code SYMBOL-NUMBER-BRANCH} (記号-番号-枝番): the rule itself, kept
 * here so that the audit trail, which may know no module, checks the keys it is given by the same
 * rule as {@code members.MemberKey}. Symbol and number are 1 to 20 ASCII letters or digits, the
 * branch two digits. A part that is 12 digits passing the individual number's check digit is
 * refused: it may be an individual number typed in the wrong field, and a key is kept, logged and
 * answered everywhere, where a number may not be (My Number Act Art. 20).
 */
public final class MemberKeyShape {

    /** What a refusal says is expected. */
    public static final String EXPECTED = "write SYMBOL-NUMBER-BRANCH, e.g. 1234-5678-01";

    /** The shape as one pattern, for the API's description (the check-digit rule is in {@link #problem} only). */
    public static final String REGEX = "[0-9A-Za-z]{1,20}-[0-9A-Za-z]{1,20}-[0-9]{2}";

    private MemberKeyShape() {}

    /**
     * Why the parts do not make a member key, or null when they do. The reason starts with the
     * part's name (symbol, number or branch) and says what shape was expected; it never repeats
     * the value, which may be anything a person typed.
     */
    public static String problem(String symbol, String number, String branch) {
        String p = partProblem(symbol, "symbol (記号)");
        if (p == null) {
            p = partProblem(number, "number (番号)");
        }
        if (p == null
                && (branch == null
                        || branch.length() != 2
                        || !isDigit(branch.charAt(0))
                        || !isDigit(branch.charAt(1)))) {
            p = "branch (枝番) must be two digits";
        }
        return p;
    }

    /**
     * 1 to 20 ASCII letters or digits, checked by hand: every member the registry reads is checked,
     * and a regular expression's matcher per part was a tenth of reading a million members.
     */
    private static boolean isPart(String value) {
        if (value == null || value.isEmpty() || value.length() > 20) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isDigit(c) && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The three parts of a key as written, or null when the text does not have three. */
    public static String[] parts(String text) {
        String[] parts = text == null ? new String[0] : text.split("-", -1);
        return parts.length == 3 ? parts : null;
    }

    /** Whether the text is a member key exactly as written, e.g. {@code 1234-5678-01}. */
    public static boolean isKey(String text) {
        String[] parts = parts(text);
        return parts != null && problem(parts[0], parts[1], parts[2]) == null;
    }

    private static String partProblem(String value, String what) {
        if (!isPart(value)) {
            return what + " must be 1 to 20 ASCII letters or digits";
        }
        if (NumberMask.passesCheckDigit(value)) {
            return what + " must not be 12 digits that pass the individual number's check digit: "
                    + "it may be an individual number, which is no member key";
        }
        return null;
    }
}
