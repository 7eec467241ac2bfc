package jp.kenpo.privacy.formats;

/**
 * 保険者番号: the 8-digit number of a health insurer. For 健康保険組合 it starts with {@code 06}
 * (法別番号), then the 2-digit prefecture, a 3-digit insurer serial and a check digit
 * (「保険者番号等の設定について」, 厚生省保険局長通知).
 */
public final class InsurerNumber {

    private InsurerNumber() {}

    /**
     * The check digit of the first seven digits: weights 2,1,2,1… from the right, the digit
     * sums of the products added up, check = (10 − sum mod 10) mod 10.
     */
    public static int checkDigit(CharSequence firstSeven) {
        if (firstSeven.length() != 7) {
            throw new IllegalArgumentException("need 7 digits, got " + firstSeven.length());
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            char c = firstSeven.charAt(6 - i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: " + c);
            }
            int product = (c - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code number} is eight ASCII digits whose last digit is the right check digit. */
    public static boolean isValid(String number) {
        if (number == null || number.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(number.subSequence(0, 7)) == number.charAt(7) - '0';
    }

    /** True for a valid 保険者番号 of a 健康保険組合 (法別番号 06). */
    public static boolean isHealthInsuranceSociety(String number) {
        return isValid(number) && number.startsWith("06");
    }
}
