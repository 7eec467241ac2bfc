package jp.kenpo.privacy.shared;

/**
 * What text a person typed may hold before it is stored or handed to the database: no control
 * characters (PostgreSQL refuses NUL outright, and a line break or an escape in a name or a note
 * is never meant), no lone surrogates (half of a character, which no encoding can write), and no
 * individual number ({@link NumberMask#holdsNumber}; My Number Act Art. 20 keeps numbers in the
 * vault and nowhere else). Each check answers why the text cannot be taken, or null; never the text.
 */
public final class FreeText {

    private FreeText() {}

    /** Why the text is not text at all (control characters other than tab and line breaks, lone surrogates), or null. */
    public static String unreadable(String text) {
        return unreadable(text, true);
    }

    /** As {@link #unreadable(String)}, with or without tab and line breaks allowed. */
    public static String unreadable(String text, boolean linesAllowed) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(linesAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return "contains a control character (position " + (i + 1) + ")";
            }
            if (Character.isHighSurrogate(c)
                            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains half of a character (a lone surrogate, position " + (i + 1) + ")";
            }
        }
        return null;
    }

    /**
     * Why a person's text cannot be stored: {@link #unreadable}, or it holds what may be an
     * individual number; null when it can.
     */
    public static String problem(String text, boolean linesAllowed) {
        String unreadable = unreadable(text, linesAllowed);
        if (unreadable != null) {
            return unreadable;
        }
        if (NumberMask.holdsNumber(text)) {
            return "holds what may be an individual number (個人番号), which is kept in the vault only "
                    + "(My Number Act Art. 20); leave it out";
        }
        return null;
    }
}
