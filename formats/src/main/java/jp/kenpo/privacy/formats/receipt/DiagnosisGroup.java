package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 診断群分類レコード (BU) of a DPC receipt: the diagnosis procedure combination the stay is paid by.
 *
 * @param seq           position among the receipt's child records (0-based)
 * @param code          診断群分類番号 (14 characters: MDC and 傷病 as 6 digits, then digits or {@code x}
 *                      for each branch the classification does not use)
 * @param admissionDate 今回入院年月日
 * @param dischargeDate 今回退院年月日 ({@code null} while the stay goes on, or where the spec leaves it out)
 * @param outcome       DPC転帰区分 (1 digit; empty when not recorded)
 * @param causeOfDeath  死因 as written on the death certificate (empty unless the outcome is a death)
 */
public record DiagnosisGroup(
        int seq, String code, LocalDate admissionDate, LocalDate dischargeDate, String outcome, String causeOfDeath)
        implements ChildRecord {

    public DiagnosisGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(admissionDate, "admissionDate");
        outcome = outcome == null ? "" : outcome;
        causeOfDeath = causeOfDeath == null ? "" : causeOfDeath;
    }

    @Override
    public String recordType() {
        return "BU";
    }
}
