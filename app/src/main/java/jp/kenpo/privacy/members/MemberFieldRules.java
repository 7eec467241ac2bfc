package jp.kenpo.privacy.members;

import java.time.LocalDate;
import java.util.regex.Pattern;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.shared.FreeText;

/**
 * What a member's identity fields must be, wherever they come from: a row of the member file or a
 * correction. Each rule answers {@code null} or a reason that does not repeat the value.
 */
final class MemberFieldRules {

    static final int NAME_MAX = 100;

    /** 全角・半角カタカナ and spaces, as registries write 氏名カナ. */
    private static final Pattern KANA = Pattern.compile("[\\u30A0-\\u30FF\\uFF65-\\uFF9F\\u3000 ]+");

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private MemberFieldRules() {}

    /** A required text of at most {@code maxLength} characters. */
    static String text(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        return value.length() > maxLength ? "is longer than " + maxLength + " characters" : null;
    }

    /** 保険者番号 of a health insurance society: 8 digits, 法別番号 06, and the right check digit. */
    static String insurerNumber(String number) {
        if (!number.matches("[0-9]{8}")) {
            return "must be 8 digits";
        }
        if (!number.startsWith("06")) {
            return "must start with 06 (法別番号 of a health insurance society)";
        }
        int expected = InsurerNumber.checkDigit(number.substring(0, 7));
        int actual = number.charAt(7) - '0';
        return expected == actual ? null : "check digit is " + actual + " but should be " + expected;
    }

    /** Free text that is stored: no control characters, nor what may be an individual number (My Number Act Art. 20). */
    static String nameKanji(String name) {
        String problem = text(name, NAME_MAX);
        return problem != null ? problem : FreeText.problem(name, false);
    }

    static String nameKana(String name) {
        String problem = text(name, NAME_MAX);
        if (problem == null) {
            problem = FreeText.problem(name, false);
        }
        return problem != null ? problem : KANA.matcher(name).matches() ? null : "must be written in katakana";
    }

    static String birthDate(LocalDate birth, LocalDate today) {
        return birth.isAfter(today) || birth.isBefore(EARLIEST) ? "is not a plausible birth date" : null;
    }
}
