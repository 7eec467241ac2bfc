package jp.kenpo.privacy.mynumber;

import java.util.Arrays;

/**
 * An individual number (個人番号, My Number): 12 digits, the last a check digit. It never shows
 * itself by accident — {@link #toString()} is the masked form — and only {@link #reveal()},
 * called where the vault hands a number to a permitted use, gives the digits.
 *
 * <p>The check digit (番号法施行令第8条; 同法施行規則第5条 gives the formula): with P(n) the n-th of
 * the first eleven digits counted from the right and Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the
 * check digit is 11 − (Σ P(n)·Q(n) mod 11), or 0 when that remainder is 0 or 1.
 */
public final class IndividualNumber {

    private final char[] digits;

    private IndividualNumber(char[] digits) {
        this.digits = digits;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, never repeating the input
     */
    public static IndividualNumber parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new IndividualNumber(text.toCharArray());
    }

    /** Why the text is not an individual number, or null when it is one; never repeats the text. */
    public static String problem(String text) {
        if (text == null || text.length() != 12 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "an individual number has exactly 12 digits";
        }
        if (checkDigit(text) != text.charAt(11) - '0') {
            return "the check digit of the individual number does not match (番号法施行令第8条)";
        }
        return null;
    }

    /** Whether the text is 12 digits whose last is the check digit of the first eleven. */
    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    /** The check digit of the first eleven digits of {@code text}. */
    static int checkDigit(CharSequence text) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = text.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /** The digits, for a use the vault has permitted and audited. */
    public String reveal() {
        return new String(digits);
    }

    /** What staff may see: {@code ********1234}. */
    public String masked() {
        return "********" + new String(digits, 8, 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndividualNumber other && Arrays.equals(digits, other.digits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digits);
    }
}
