package jp.kenpo.privacy.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An insured person or dependent (被保険者等) in the society's registry.
 *
 * @param id            the registry's own number for the member, stable when the key is not
 * @param insurerNumber 保険者番号 (8 digits, the last a check digit)
 * @param insured       for a dependent, the key of the insured person they belong to
 */
public record Member(
        long id,
        String insurerNumber,
        MemberKey key,
        MemberKind kind,
        Optional<MemberKey> insured,
        String nameKanji,
        String nameKana,
        Sex sex,
        LocalDate birthDate,
        List<EligibilityPeriod> eligibility) {

    public Member {
        eligibility = List.copyOf(eligibility);
    }

    /** The same member with its eligibility periods, read apart from its row. */
    Member withEligibility(List<EligibilityPeriod> periods) {
        return new Member(id, insurerNumber, key, kind, insured, nameKanji, nameKana, sex, birthDate, periods);
    }

    public boolean eligibleOn(LocalDate date) {
        return eligibility.stream().anyMatch(p -> p.covers(date));
    }

    @Override
    public String toString() {
        // names and birth dates stay out of logs and messages
        return "Member[" + key + "]";
    }
}
