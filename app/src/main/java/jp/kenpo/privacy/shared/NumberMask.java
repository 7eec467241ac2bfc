package jp.kenpo.privacy.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Individual numbers (個人番号) as text. The check digit (番号法施行令第8条; 同法施行規則第5条 gives the
 * formula): with P(n) the n-th of the first eleven digits counted from the right and Q(n) = n + 1
 * for n ≤ 6, n − 5 for n ≥ 7, the check digit is 11 − (Σ P(n)·Q(n) mod 11), or 0 when that
 * remainder is 0 or 1.
 *
 * <p>{@link #mask} is for text the system keeps or answers that a person typed (audit details,
 * names tried at sign-in, request paths, problem details): specified personal information may be
 * kept only where My Number Act Art. 20 allows, which is the vault, so a number typed by mistake
 * anywhere else is kept masked.
 */
public final class NumberMask {

    /** Twelve digits touching no other letter or digit: digit runs inside hashes and tokens are not numbers. */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])");

    private NumberMask() {
    }

    /** The check digit of the first eleven digits of {@code digits}. */
    public static int checkDigit(CharSequence digits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = digits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /** Whether the text is 12 ASCII digits whose last is the check digit of the first eleven. */
    public static boolean passesCheckDigit(CharSequence text) {
        if (text == null || text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(text) == text.charAt(11) - '0';
    }

    /** What staff may see of a number: {@code ********1234}. */
    public static String masked(CharSequence twelve) {
        return "********" + twelve.subSequence(8, 12);
    }

    /** Whether the text holds a 12-digit run that passes the check digit. */
    public static boolean holdsNumber(String text) {
        return text != null && !mask(text).equals(text);
    }

    /** The text with every 12-digit run that passes the check digit masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.length() < 12) {
            return text;
        }
        Matcher m = TWELVE_DIGITS.matcher(text);
        StringBuilder out = null;
        while (m.find()) {
            if (passesCheckDigit(m.group())) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                m.appendReplacement(out, masked(m.group()));
            }
        }
        if (out == null) {
            return text;
        }
        m.appendTail(out);
        return out.toString();
    }
}
