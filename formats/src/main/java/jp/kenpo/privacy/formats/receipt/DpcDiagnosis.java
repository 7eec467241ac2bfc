package jp.kenpo.privacy.formats.receipt;

import java.util.List;
import java.util.Objects;

/**
 * 傷病レコード (SB) of a DPC receipt: a disease with the role it plays in the classification. Unlike
 * SY it has no 診療開始日 or 転帰区分, and it carries the ICD-10 code and the 傷病名区分.
 *
 * @param seq          position among the receipt's child records (0-based)
 * @param code         傷病名コード (7 digits; {@value Diagnosis#UNCODED} for 未コード化傷病名)
 * @param modifiers    修飾語コード (4 characters each, at most 20)
 * @param name         傷病名称, recorded for 未コード化傷病名 only (empty otherwise)
 * @param icd10        ICD10コード (a letter and 2 to 4 digits or letters)
 * @param category     傷病名区分 (2 digits: 01 医療資源を最も投入した傷病名, 02 副傷病名, 11 主傷病名,
 *                     21 入院の契機となった傷病名, 31 医療資源を2番目に投入した傷病名, 4x 入院時併存傷病名,
 *                     5x 入院後発症傷病名)
 * @param causeOfDeath 死因 ("1" for the disease that caused a death, empty otherwise)
 * @param comment      補足コメント (empty when none)
 */
public record DpcDiagnosis(
        int seq,
        String code,
        List<String> modifiers,
        String name,
        String icd10,
        String category,
        String causeOfDeath,
        String comment)
        implements ChildRecord {

    /** 傷病名区分 of the 主傷病名, the counterpart of SY's 主傷病 "01". */
    public static final String MAIN = "11";

    public DpcDiagnosis {
        Objects.requireNonNull(code, "code");
        modifiers = List.copyOf(modifiers);
        name = name == null ? "" : name;
        Objects.requireNonNull(icd10, "icd10");
        Objects.requireNonNull(category, "category");
        causeOfDeath = causeOfDeath == null ? "" : causeOfDeath;
        comment = comment == null ? "" : comment;
    }

    public boolean main() {
        return MAIN.equals(category);
    }

    @Override
    public String recordType() {
        return "SB";
    }
}
