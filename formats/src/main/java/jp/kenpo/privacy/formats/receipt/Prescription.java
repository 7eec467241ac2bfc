package jp.kenpo.privacy.formats.receipt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * 処方基本レコード (SH) of a pharmacy receipt: one prescribed preparation (RP). The CZ and IY
 * records after it, up to the next SH, are its dispensings and its drugs.
 *
 * @param seq                   position among the receipt's child records (0-based)
 * @param number                処方No (1 or 2 digits, as recorded)
 * @param dosageForm            剤形コード (1 digit)
 * @param usage                 用法コード (up to 3 digits; empty when not recorded)
 * @param instruction           特別指示 (empty when none)
 * @param unitDrugPoints        単位薬剤料 (points of one unit of the preparation)
 * @param publicUnitDrugPoints  単位薬剤料 of the 第一 to 第四公費, four entries, {@code null} where not recorded
 */
public record Prescription(
        int seq,
        String number,
        String dosageForm,
        String usage,
        String instruction,
        int unitDrugPoints,
        List<Integer> publicUnitDrugPoints)
        implements ChildRecord {

    public static final int PUBLIC_EXPENSES = 4;

    public Prescription {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(dosageForm, "dosageForm");
        usage = usage == null ? "" : usage;
        instruction = instruction == null ? "" : instruction;
        if (publicUnitDrugPoints.size() != PUBLIC_EXPENSES) {
            throw new IllegalArgumentException("four 公費 単位薬剤料 entries, got " + publicUnitDrugPoints.size());
        }
        // entries may be null (not recorded), which List.copyOf refuses
        publicUnitDrugPoints = Collections.unmodifiableList(new ArrayList<>(publicUnitDrugPoints));
    }

    @Override
    public String recordType() {
        return "SH";
    }
}
