package jp.kenpo.privacy.claims;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.kenpo.privacy.members.MemberKey;

/**
 * What the society holds of one member's health data, month by month: for a disclosure (APPI Art.
 * 33(1)) a person can read. Receipts count their current version only (a corrected receipt replaces
 * the one it supersedes); checkups are each listed.
 */
public record HealthDataHeld(MemberKey member, List<ReceiptMonth> receipts, List<CheckupHeld> checkups) {

    public HealthDataHeld {
        receipts = List.copyOf(receipts);
        checkups = List.copyOf(checkups);
    }

    /**
     * The receipts of one treatment month (診療年月) of one kind.
     *
     * @param kind MEDICAL (医科・DPC), DENTAL (歯科) or PHARMACY (調剤)
     */
    public record ReceiptMonth(
            YearMonth treatmentMonth, String kind, int receipts, int inpatient, long days, long points) {}

    /**
     * One receipt held (a disclosure's detail, given when the member asks for it): its month, kind,
     * facility, whether inpatient, days, points and the diagnoses (code, and name where the file
     * wrote one), main diagnosis first.
     */
    public record ReceiptHeld(
            YearMonth treatmentMonth,
            String kind,
            String facilityCode,
            boolean inpatient,
            Integer days,
            Integer points,
            List<String> diagnoses) {
        public ReceiptHeld {
            diagnoses = List.copyOf(diagnoses);
        }
    }

    /** One specific health checkup (特定健診) held, with how many observations it records. */
    public record CheckupHeld(LocalDate checkupDate, String facilityCode, int observations) {}
}
