package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.util.List;
import jp.kenpo.privacy.formats.InvalidValueException;

/** The DPC records (記録条件仕様 DPC用) the reader models: BU (診断群分類) and SB (傷病). */
final class DpcRecords extends FieldValues {

    DpcRecords(RecordLine line) {
        super(line);
    }

    DiagnosisGroup parseBu(int seq) {
        String code = line.text(1);
        if (!diagnosisGroupCode(code)) {
            throw new InvalidValueException(
                    "診断群分類番号 must be 14 characters, 6 digits then digits or x, got \"" + code + "\"");
        }
        LocalDate admitted = line.date(2);
        LocalDate discharged = line.optionalDate(3);
        if (discharged != null && discharged.isBefore(admitted)) {
            throw new InvalidValueException("discharged " + discharged + ", before the admission " + admitted);
        }
        return new DiagnosisGroup(seq, code, admitted, discharged, line.optionalDigits(4, 1), line.text(5));
    }

    /** MDC and 傷病 (6 digits), then 年齢等, 手術, 処置等1・2, 副傷病, 重症度: digits, or x where unused. */
    static boolean diagnosisGroupCode(String code) {
        if (code.length() != 14 || !RecordLine.allDigits(code.substring(0, 6))) {
            return false;
        }
        for (int k = 6; k < 14; k++) {
            char c = code.charAt(k);
            if (c != 'x' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    DpcDiagnosis parseSb(int seq) {
        String code = line.digits(1, 7);
        List<String> modifiers = modifiers(2);
        String name = uncodedName(code, 3);
        String icd10 = line.text(4);
        if (!icd10Shape(icd10)) {
            throw new InvalidValueException(
                    "ICD10コード must be a capital letter and 2 to 4 digits or capitals, got \"" + icd10 + "\"");
        }
        String category = line.digits(5, 2);
        String death = line.text(6);
        if (!death.isEmpty() && !"1".equals(death)) {
            throw new InvalidValueException("死因 must be 1 or empty, got \"" + death + "\"");
        }
        return new DpcDiagnosis(seq, code, modifiers, name, icd10, category, death, line.text(7));
    }

    static boolean icd10Shape(String s) {
        if (s.length() < 3
                || s.length() > 5
                || s.charAt(0) < 'A'
                || s.charAt(0) > 'Z'
                || !RecordLine.allDigits(s.substring(1, 3))) {
            return false;
        }
        for (int k = 3; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
