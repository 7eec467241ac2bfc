package jp.kenpo.privacy.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Synthetic individual numbers for tests: random first eleven digits and their check digit
 * (番号法施行規則第5条). No real person's number; any may, by chance, be someone's, so the tests
 * keep them out of logs and answers like real ones.
 */
public final class TestNumbers {

    private TestNumbers() {}

    public static String next() {
        var random = ThreadLocalRandom.current();
        var sb = new StringBuilder(12);
        for (int i = 0; i < 11; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.append(checkDigit(sb)).toString();
    }

    /** Written apart from the application's, so that the two check each other. */
    public static int checkDigit(CharSequence first11) {
        int[] weightsLeftToRight = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (first11.charAt(i) - '0') * weightsLeftToRight[i];
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    public static boolean valid(CharSequence twelve) {
        return twelve.length() == 12 && checkDigit(twelve) == twelve.charAt(11) - '0';
    }
}
