package jp.kenpo.privacy.mynumber;

import java.nio.CharBuffer;
import java.util.Arrays;
import jp.kenpo.privacy.shared.NumberMask;

/**
 * An individual number (個人番号, My Number): 12 digits, the last a check digit. It never shows
 * itself by accident — {@link #toString()} is the masked form — and only {@link #reveal()},
 * called where the vault hands a number to a permitted use, gives the digits.
 *
 * <p>The last digit is the check digit of 番号法施行令第8条, computed by {@link NumberMask#checkDigit}.
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
        if (!NumberMask.passesCheckDigit(text)) {
            return "the check digit of the individual number does not match (番号法施行令第8条)";
        }
        return null;
    }

    /** Whether the text is 12 digits whose last is the check digit of the first eleven. */
    public static boolean isValid(String text) {
        return NumberMask.passesCheckDigit(text);
    }

    /** The digits, for a use the vault has permitted and audited. */
    public String reveal() {
        return new String(digits);
    }

    /** What staff may see: {@code ********1234}. */
    public String masked() {
        return NumberMask.masked(CharBuffer.wrap(digits));
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
