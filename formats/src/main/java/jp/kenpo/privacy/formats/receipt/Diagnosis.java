package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 傷病名レコード (SY), or 傷病名部位レコード (HS) of a dental receipt.
 *
 * @param seq        position of the record among the receipt's child records (0-based)
 * @param recordType {@code SY} or {@code HS}
 * @param code       傷病名コード (7 digits; {@value #UNCODED} for 未コード化傷病名)
 * @param startDate  診療開始日 ({@code null} where the record leaves it out, as HS does outside admissions)
 * @param outcome    転帰区分 (1 治ゆ・死亡・中止以外, 2 治ゆ, 3 死亡, 4 中止; empty when not recorded)
 * @param modifiers  修飾語コード (4 characters each, at most 20, in recorded order)
 * @param name       傷病名称, recorded for 未コード化傷病名 only (empty otherwise)
 * @param mainCode   主傷病 (“01” for the main disease, empty otherwise)
 * @param comment    補足コメント (empty when none)
 * @param teeth      歯式コード of a dental diagnosis, 6 characters per tooth (empty otherwise)
 */
public record Diagnosis(
        int seq,
        String recordType,
        String code,
        LocalDate startDate,
        String outcome,
        List<String> modifiers,
        String name,
        String mainCode,
        String comment,
        String teeth)
        implements ChildRecord {

    /** 傷病名コード of a disease name that has no code (未コード化傷病名). */
    public static final String UNCODED = "0000999";

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        outcome = outcome == null ? "" : outcome;
        modifiers = List.copyOf(modifiers);
        name = name == null ? "" : name;
        mainCode = mainCode == null ? "" : mainCode;
        comment = comment == null ? "" : comment;
        teeth = teeth == null ? "" : teeth;
    }

    /** 主傷病: the main disease of the receipt. */
    public boolean main() {
        return "01".equals(mainCode);
    }

    public boolean uncoded() {
        return UNCODED.equals(code);
    }
}
