package jp.kenpo.privacy.members;

import java.util.Objects;
import java.util.Optional;

/**
 * What a correction of a member's identity asks for: the new value of each field it corrects, as
 * the member file writes it (sex 1 or 2, dates YYYY-MM-DD); a field left empty keeps its value.
 *
 * @param reason why: the form or request it comes from (required; kept with the old values)
 */
public record IdentityCorrection(
        Optional<String> insurerNumber,
        Optional<String> nameKanji,
        Optional<String> nameKana,
        Optional<String> sex,
        Optional<String> birthDate,
        String reason) {

    public IdentityCorrection {
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        Objects.requireNonNull(nameKanji, "nameKanji");
        Objects.requireNonNull(nameKana, "nameKana");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    @Override
    public String toString() {
        // the values are a person's: they stay out of logs and messages
        return "IdentityCorrection";
    }
}
