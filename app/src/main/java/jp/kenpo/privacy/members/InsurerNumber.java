package jp.kenpo.privacy.members;

/**
 * 保険者番号 of a health insurance society: 8 digits — 法別番号 06, 都道府県番号, 保険者別番号
 * and a 検証番号 (check digit) computed over the first seven digits by weights 2,1,2,1,… from
 * the right, adding the digits of each product, and taking 10 minus the last digit of the sum.
 */
public final class InsurerNumber {

    private InsurerNumber() {
    }

    /** @return why the number is not valid, or null when it is */
    public static String problem(String number) {
        if (number == null || !number.matches("[0-9]{8}")) {
            return "must be 8 digits";
        }
        if (!number.startsWith("06")) {
            return "must start with 06 (法別番号 of a health insurance society)";
        }
        int expected = checkDigit(number.substring(0, 7));
        int actual = number.charAt(7) - '0';
        return expected == actual ? null : "check digit is " + actual + " but should be " + expected;
    }

    public static int checkDigit(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < sevenDigits.length(); i++) {
            int digit = sevenDigits.charAt(sevenDigits.length() - 1 - i) - '0';
            int product = digit * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
