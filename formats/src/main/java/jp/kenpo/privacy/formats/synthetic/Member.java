package jp.kenpo.privacy.formats.synthetic;

import java.time.LocalDate;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * One row of the member CSV (the core issue's member import format): one period of eligibility
 * of one insured person (被保険者) or dependent (被扶養者). A member who leaves and re-joins is
 * two rows with the same key.
 *
 * @param key           保険者番号, 記号, 番号, 枝番
 * @param kind          insured or dependent
 * @param insuredBranch for a dependent, the 枝番 of the insured person; empty for the insured
 * @param nameKanji     synthetic name (姓 名, full-width space between)
 * @param nameKana      the same in katakana
 * @param sex           1 male, 2 female
 * @param birthDate     生年月日
 * @param acquiredOn    資格取得日
 * @param lostOn        資格喪失日, the first day without eligibility; {@code null} while eligible
 */
public record Member(
        MemberKey key,
        MemberKind kind,
        String insuredBranch,
        String nameKanji,
        String nameKana,
        int sex,
        LocalDate birthDate,
        LocalDate acquiredOn,
        LocalDate lostOn) {

    /** Eligible on {@code d} iff acquired_on ≤ d < lost_on. */
    public boolean eligibleOn(LocalDate d) {
        return !d.isBefore(acquiredOn) && (lostOn == null || d.isBefore(lostOn));
    }

    /** Age in whole years on {@code d}. */
    public int ageOn(LocalDate d) {
        return java.time.Period.between(birthDate, d).getYears();
    }
}
