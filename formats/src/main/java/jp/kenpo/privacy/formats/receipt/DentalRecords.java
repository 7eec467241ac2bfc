package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.formats.InvalidValueException;

/**
 * The 歯科 layouts (記録条件仕様 歯科用): the 歯科 IR after the UK, HO without 予備 before 食事療養,
 * SI, IY and TO without comment fields (IY with 医薬品区分, TO with 点数 and 回数 after its 加算 and
 * name), HS (傷病名部位) and SS (歯科診療行為).
 */
final class DentalRecords extends FieldValues {

    DentalRecords(RecordLine line) {
        super(line);
    }

    /** The 歯科 IR's fields: no name; the 8th is not read (README). */
    static final List<String> IR_FIELDS = List.of("審査支払機関", "都道府県", "点数表", "医療機関コード", "予備", "請求年月", "電話番号");

    /** The 歯科 IR: the UK's 審査支払機関, 都道府県, 点数表 and 医療機関コード again, then 請求年月 and 電話番号. */
    Facility withDentalIr(Facility uk, long ukLine) {
        for (int i = 1; i <= 4; i++) {
            String expected = switch (i) {
                case 1 -> uk.payer();
                case 2 -> uk.prefecture();
                case 3 -> uk.scoreTable();
                default -> uk.code();
            };
            if (!line.text(i).equals(expected)) {
                throw new InvalidValueException("differs from the UK record on line " + ukLine);
            }
        }
        if (!line.yearMonth(6).equals(uk.billingMonth())) {
            throw new InvalidValueException("differs from the UK record on line " + ukLine);
        }
        return new Facility(
                uk.recordType(),
                uk.payer(),
                uk.prefecture(),
                uk.scoreTable(),
                uk.code(),
                uk.name(),
                uk.billingMonth(),
                uk.volume(),
                line.text(7));
    }

    /** Field names of the 歯科 layouts that differ from the 医科 ones {@link RecordType} names (up to the 算定日情報). */
    static final Map<RecordType, List<String>> FIELDS = Map.of(
            RecordType.HO,
                    List.of(
                            "保険者番号",
                            "被保険者証等の記号",
                            "被保険者証等の番号",
                            "診療実日数",
                            "合計点数",
                            "食事療養・生活療養 回数",
                            "食事療養・生活療養 合計金額",
                            "職務上の事由",
                            "証明書番号",
                            "負担金額 医療保険",
                            "減免区分",
                            "減額割合",
                            "減額金額"),
            RecordType.SI, List.of("診療識別", "負担区分", "診療行為コード", "数量データ", "点数", "回数"),
            RecordType.IY, List.of("診療識別", "負担区分", "医薬品コード", "使用量", "点数", "回数", "医薬品区分"),
            RecordType.TO,
                    List.of(
                            "診療識別",
                            "負担区分",
                            "特定器材コード",
                            "使用量",
                            "単位コード",
                            "単価",
                            "特定器材加算等コード1",
                            "特定器材加算等数量データ1",
                            "特定器材加算等コード2",
                            "特定器材加算等数量データ2",
                            "商品名及び規格又はサイズ",
                            "点数",
                            "回数"));

    /**
     * Reads a child record of a 歯科 receipt whose layout is the 歯科 one (HO, SI, IY, TO, HS, SS);
     * false for a record in the common layout.
     */
    boolean parse(RecordType type, ReceiptBuilder b) {
        switch (type) {
            case HO -> {
                Insurance common = parseInsurance();
                b.insurance(new Insurance(
                        common.insurerNumber(),
                        common.symbol(),
                        common.number(),
                        common.days(),
                        common.points(),
                        line.optionalInteger(6, 2),
                        line.optionalInteger(7, 8),
                        line.text(8),
                        line.optionalInteger(10, 9)));
            }
            case SI ->
                b.procedures.add(checked(new Procedure(
                        b.seq++,
                        "SI",
                        line.optionalDigits(1, 2),
                        burden(2),
                        line.digits(3, 9),
                        line.optionalLong(4, 8),
                        line.optionalInteger(5, 7),
                        line.integer(6, 3),
                        List.of(),
                        days(7))));
            case IY ->
                b.drugs.add(checked(new Drug(
                        b.seq++,
                        line.optionalDigits(1, 2),
                        burden(2),
                        line.digits(3, 9),
                        line.optionalDecimal(4, 5, 5),
                        line.optionalInteger(5, 7),
                        line.integer(6, 3),
                        List.of(),
                        days(8))));
            case TO -> {
                Material m = new Material(
                        b.seq++,
                        line.optionalDigits(1, 2),
                        burden(2),
                        line.digits(3, 9),
                        line.optionalDecimal(4, 9, 5),
                        line.optionalInteger(12, 7),
                        line.integer(13, 3),
                        line.text(5),
                        line.optionalDecimal(6, 9, 2),
                        line.text(11),
                        List.of(),
                        days(14));
                checkDays(m.days(), m.count(), 13);
                b.materials.add(m);
            }
            case HS -> b.diagnoses.add(parseHs(b.seq++));
            case SS -> b.procedures.add(checked(parseSs(b.seq++)));
            default -> {
                return false;
            }
        }
        return true;
    }

    Diagnosis parseHs(int seq) {
        LocalDate start = line.optionalDate(1);
        String outcome = line.isEmpty(2) ? "" : outcome(2);
        String teeth = line.text(3);
        if (teeth.length() % 6 != 0) {
            throw new InvalidValueException("歯式コード must be a multiple of 6 characters, got " + teeth.length());
        }
        String code = line.digits(4, 7);
        List<String> modifiers = modifiers(5);
        String name = uncodedName(code, 6);
        return new Diagnosis(
                seq, "HS", code, start, outcome, modifiers, name, line.optionalDigits(9, 2), line.text(11), teeth);
    }

    Procedure parseSs(int seq) {
        return new Procedure(
                seq,
                "SS",
                line.optionalDigits(1, 2),
                burden(2),
                line.digits(3, 9),
                line.optionalLong(4, 8),
                line.optionalInteger(76, 7),
                line.integer(77, 3),
                List.of(),
                days(RecordType.SS));
    }
}
