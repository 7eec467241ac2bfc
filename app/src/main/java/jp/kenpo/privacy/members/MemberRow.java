package jp.kenpo.privacy.members;

import java.time.LocalDate;
import java.util.Optional;

/** One valid row of a member import file. */
record MemberRow(
        long line,
        String insurerNumber,
        MemberKey key,
        MemberKind kind,
        Optional<MemberKey> insured,
        String nameKanji,
        String nameKana,
        Sex sex,
        LocalDate birthDate,
        EligibilityPeriod period) {

    /** Who the row says the key names. */
    PersonIdentity identity() {
        return new PersonIdentity(insurerNumber, nameKanji, nameKana, sex, birthDate);
    }

    /** Rows of the same member must tell the same person, whatever their periods. */
    boolean samePersonAs(MemberRow other) {
        return kind == other.kind
                && insured.equals(other.insured)
                && identity().differingFrom(other.identity()).isEmpty();
    }
}
