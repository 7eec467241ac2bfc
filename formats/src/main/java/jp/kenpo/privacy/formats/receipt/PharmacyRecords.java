package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.formats.InvalidValueException;

/**
 * The 調剤 layouts (記録条件仕様 調剤用): HO and KO with 処方箋受付回数, IY, TO and CO without
 * 診療識別, 点数 or 回数, SH (処方基本) and CZ (調剤) with its fee groups.
 */
final class PharmacyRecords extends FieldValues {

    PharmacyRecords(RecordLine line) {
        super(line);
    }

    /** Field names of the 調剤 layouts of records whose 医科 layout {@link RecordType} names. */
    static final Map<RecordType, List<String>> FIELDS = Map.of(
            RecordType.IY, List.of("負担区分", "医薬品コード", "使用量", "予備", "予備", "混合区分コード", "混合区分 枝", "配合不適区分", "1回用量"),
            RecordType.TO, List.of("負担区分", "特定器材コード", "使用量", "単位コード", "単価", "特定器材名称"),
            RecordType.CO, List.of("コメントコード", "文字データ"),
            RecordType.HO,
                    List.of(
                            "保険者番号",
                            "被保険者証等の記号",
                            "被保険者証等の番号",
                            "処方箋受付回数",
                            "合計点数",
                            "予備",
                            "職務上の事由",
                            "証明書番号",
                            "一部負担金",
                            "予備",
                            "減免区分",
                            "減額割合",
                            "減額金額"),
            RecordType.KO,
                    List.of("公費負担者番号", "公費受給者番号", "任意給付区分", "処方箋受付回数", "合計点数", "予備", "一部負担金額", "予備", "公費給付対象一部負担金"));

    /** Reads a child record of a 調剤 receipt in its 調剤 layout; false for a record in the common layout. */
    boolean parse(RecordType type, ReceiptBuilder b) {
        switch (type) {
            case IY -> {
                // 調剤 IY: 負担区分, 医薬品コード, 使用量; days and points are in the CZ record
                b.drugs.add(new Drug(
                        b.seq++,
                        "",
                        burden(1),
                        line.digits(2, 9),
                        line.optionalDecimal(3, 5, 5),
                        null,
                        null,
                        List.of(),
                        ServiceDays.NONE));
            }
            case TO -> {
                // 調剤 TO: 負担区分, 特定器材コード, 使用量, 単位コード, 単価, 名称; no 診療識別, 点数 or 回数
                b.materials.add(new Material(
                        b.seq++,
                        "",
                        burden(1),
                        line.digits(2, 9),
                        line.optionalDecimal(3, 9, 5),
                        null,
                        null,
                        line.text(4),
                        line.optionalDecimal(5, 9, 2),
                        line.text(6),
                        List.of(),
                        ServiceDays.NONE));
            }
            case CO -> {
                // 調剤 CO: コメントコード, 文字データ
                b.comments.add(new Comment(b.seq++, "", "", line.digits(1, 9), line.text(2)));
            }
            case HO -> {
                b.insurance(parsePharmacyInsurance());
            }
            case KO -> {
                // 調剤 KO: 処方箋受付回数 at 4, 合計点数 at 5, 一部負担金額 at 7
                b.publicExpenses.add(new PublicExpense(
                        line.digits(1, 8),
                        optionalMaxDigits(2, 7),
                        line.text(3),
                        line.optionalInteger(4, 2),
                        line.optionalInteger(5, 8),
                        line.optionalInteger(7, 8)));
            }
            case SH -> {
                b.prescriptions.add(parseSh(b.seq++));
            }
            case CZ -> {
                b.dispensings.add(parseCz(b.seq++));
            }
            default -> {
                // SN, JD, MF and the rest share the common layout
                return false;
            }
        }
        return true;
    }

    /** 調剤 HO: 処方箋受付回数 at 4 in place of 診療実日数, no 食事療養, 職務上の事由 at 7, 一部負担金 at 9. */
    Insurance parsePharmacyInsurance() {
        Insurance common = parseInsurance();
        return new Insurance(
                common.insurerNumber(),
                common.symbol(),
                common.number(),
                common.days(),
                common.points(),
                null,
                null,
                line.text(7),
                line.optionalInteger(9, 9));
    }

    Prescription parseSh(int seq) {
        String number = maxDigits(1, 2);
        String form = line.digits(2, 1);
        String usage = optionalMaxDigits(3, 3);
        String instruction = line.text(4);
        int unit = line.integer(5, 7);
        List<Integer> publicUnits = new ArrayList<>(Prescription.PUBLIC_EXPENSES);
        for (int k = 0; k < Prescription.PUBLIC_EXPENSES; k++) {
            publicUnits.add(line.optionalInteger(6 + k, 7));
        }
        return new Prescription(seq, number, form, usage, instruction, unit, publicUnits);
    }

    Dispensing parseCz(int seq) {
        String doctor = optionalMaxDigits(1, 2);
        LocalDate prescribed = line.date(2);
        LocalDate dispensed = line.date(3);
        if (dispensed.isBefore(prescribed)) {
            throw new InvalidValueException("dispensed " + dispensed + ", before the prescription " + prescribed);
        }
        int reception = line.integer(4, 2);
        int quantity = line.integer(5, 3);
        DispensingFee preparation = fee(6, true);
        String split = optionalMaxDigits(11, 2);
        Integer previous = line.optionalInteger(12, 3);
        Integer drugPoints = line.optionalInteger(13, 7);
        List<DispensingFee> additions = new ArrayList<>(2);
        for (int k = 0; k < Dispensing.MAX_ADDITIONS; k++) {
            DispensingFee f = fee(15 + 3 * k, false);
            if (f != null) {
                additions.add(f);
            }
        }
        List<Integer> reduction = new ArrayList<>(Dispensing.REDUCTION_POINTS);
        for (int k = 0; k < Dispensing.REDUCTION_POINTS; k++) {
            reduction.add(line.optionalInteger(66 + k, 7));
        }
        return new Dispensing(
                seq,
                doctor,
                prescribed,
                dispensed,
                reception,
                quantity,
                preparation,
                split,
                previous,
                drugPoints,
                additions,
                line.optionalInteger(45, 3),
                optionalMaxDigits(46, 1),
                line.optionalInteger(47, 3),
                line.optionalDigits(48, 9),
                optionalMaxDigits(49, 2),
                line.optionalInteger(50, 3),
                line.optionalInteger(51, 3),
                optionalMaxDigits(52, 1),
                optionalMaxDigits(53, 1),
                fee(54, false),
                fee(57, true),
                fee(62, false),
                optionalMaxDigits(65, 1),
                reduction);
    }

    /**
     * A CZ fee group from field {@code from}: 負担区分, (算定区分, 算定先No when {@code routed}), コード,
     * 点数; null when every field of the group is empty.
     */
    DispensingFee fee(int from, boolean routed) {
        int codeAt = from + (routed ? 3 : 1);
        boolean any = false;
        for (int i = from; i <= codeAt + 1; i++) {
            any |= !line.isEmpty(i);
        }
        if (!any) {
            return null;
        }
        return new DispensingFee(
                burden(from),
                routed ? line.digits(from + 1, 1) : "",
                routed ? line.digits(from + 2, 2) : "",
                line.digits(codeAt, 9),
                line.optionalInteger(codeAt + 1, 5));
    }
}
