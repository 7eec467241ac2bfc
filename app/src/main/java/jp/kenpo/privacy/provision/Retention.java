package jp.kenpo.privacy.provision;

import java.time.LocalDate;
import java.util.Set;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * How long each record is kept, counted from the day of the provision or receipt.
 *
 * <ul>
 *   <li>Provision records: 3 years (PPC Rules Art. 21(iii)); 1 year where the provision serves the
 *       member themselves (Art. 21(i), a record kept with the service's documents under Art. 19(3)):
 *       1.4, benefits paid into the member's salary account through the employer.
 *   <li>Confirmation records: 3 years (PPC Rules Art. 26(iii)), likewise 1 year under Art. 26(i).
 *   <li>情報提供等の記録 (category 7): 7 years (My Number Act Art. 23, its Order Art. 29).
 *   <li>Exempt provisions and receipts and the online eligibility register: the law asks no record;
 *       the society keeps them as long as an Art. 29/30 record, 3 years, so that a member asking
 *       what went where (Art. 33(5)) gets the same answer for every flow.
 * </ul>
 */
final class Retention {

    /** Provisions that serve the member themselves (Rules Art. 19(3), 21(i), 26(i)). */
    static final Set<PurposeCode> SERVICE_TO_MEMBER = Set.of(new PurposeCode(1, 4));

    private Retention() {}

    static LocalDate provisionRecord(LocalDate on, PurposeCode purpose, String recordType) {
        if (recordType.equals("MY_NUMBER_EXCHANGE")) {
            return on.plusYears(7);
        }
        return on.plusYears(SERVICE_TO_MEMBER.contains(purpose) ? 1 : 3);
    }

    static LocalDate confirmationRecord(LocalDate on, PurposeCode purpose, String recordType) {
        return provisionRecord(on, purpose, recordType);
    }

    static LocalDate onlineEligibility(LocalDate on) {
        return on.plusYears(3);
    }
}
