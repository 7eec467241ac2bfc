package jp.kenpo.privacy.members;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who a member key names: the insurer (保険者番号) that issued the key, and the person's names, sex
 * and birth date. An import may add periods to a registered member but never change this; only a
 * correction does ({@link MemberCorrections}), and keeps what it replaced.
 */
record PersonIdentity(String insurerNumber, String nameKanji, String nameKana, Sex sex, LocalDate birthDate) {

    /** The member file's columns of an identity, in the file's order. */
    static final List<String> FIELDS = List.of("insurer_number", "name_kanji", "name_kana", "sex", "birth_date");

    PersonIdentity {
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        Objects.requireNonNull(nameKanji, "nameKanji");
        Objects.requireNonNull(nameKana, "nameKana");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /**
     * The fields in which a row of a member file tells another person than this one. Names are
     * compared after NFKC and with runs of spaces made one: registries write 氏名カナ in half- or
     * full-width katakana, with either space, and the same name so written is the same person.
     */
    List<String> differingFrom(PersonIdentity file) {
        var differ = new ArrayList<String>(FIELDS.size());
        for (String field : FIELDS) {
            boolean same = switch (field) {
                case "name_kanji", "name_kana" -> comparable(value(field)).equals(comparable(file.value(field)));
                default -> value(field).equals(file.value(field));
            };
            if (!same) {
                differ.add(field);
            }
        }
        return differ;
    }

    /** The fields whose stored text a correction changes, spelling included. */
    List<String> changedIn(PersonIdentity corrected) {
        return FIELDS.stream().filter(f -> !value(f).equals(corrected.value(f))).toList();
    }

    /** A field as the member file writes it (sex as its code 1 or 2, dates YYYY-MM-DD). */
    String value(String field) {
        return switch (field) {
            case "insurer_number" -> insurerNumber;
            case "name_kanji" -> nameKanji;
            case "name_kana" -> nameKana;
            case "sex" -> Integer.toString(sex.code());
            case "birth_date" -> birthDate.toString();
            default -> throw new IllegalArgumentException("not an identity field: " + field);
        };
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        // names and birth dates stay out of logs and messages
        return "PersonIdentity[insurer " + insurerNumber + "]";
    }
}
