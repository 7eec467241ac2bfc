package jp.kenpo.privacy.release;

import java.util.Optional;

/** ICD-10 codes coarsened for Rule 34(4): three characters, then the chapter (WHO ICD-10, 2019 chapters). */
final class Icd10 {

    private static final String[][] CHAPTERS = {
        {"I", "A00", "B99"},
        {"II", "C00", "D48"},
        {"III", "D50", "D89"},
        {"IV", "E00", "E90"},
        {"V", "F00", "F99"},
        {"VI", "G00", "G99"},
        {"VII", "H00", "H59"},
        {"VIII", "H60", "H95"},
        {"IX", "I00", "I99"},
        {"X", "J00", "J99"},
        {"XI", "K00", "K93"},
        {"XII", "L00", "L99"},
        {"XIII", "M00", "M99"},
        {"XIV", "N00", "N99"},
        {"XV", "O00", "O99"},
        {"XVI", "P00", "P96"},
        {"XVII", "Q00", "Q99"},
        {"XVIII", "R00", "R99"},
        {"XIX", "S00", "T98"},
        {"XX", "V01", "Y98"},
        {"XXI", "Z00", "Z99"},
        {"XXII", "U00", "U99"}
    };

    private Icd10() {}

    /** The three-character category of a code (a letter and two digits), if the code has that shape. */
    static Optional<String> category(String code) {
        if (code == null || code.length() < 3) {
            return Optional.empty();
        }
        char letter = code.charAt(0);
        if (letter < 'A' || letter > 'Z' || !Character.isDigit(code.charAt(1)) || !Character.isDigit(code.charAt(2))) {
            return Optional.empty();
        }
        return Optional.of(code.substring(0, 3));
    }

    /** The chapter of a three-character category, written {@code ch.IX}; empty when no chapter holds it. */
    static Optional<String> chapter(String category) {
        for (String[] c : CHAPTERS) {
            if (category.compareTo(c[1]) >= 0 && category.compareTo(c[2]) <= 0) {
                return Optional.of("ch." + c[0]);
            }
        }
        return Optional.empty();
    }
}
