package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.formats.InvalidValueException;

/**
 * The per-kind layouts of the records, read from the current line into typed values: the facility
 * headers (IR, UK and the 歯科 IR, YK), the RE, and every child record in its 医科, DPC, 歯科 or 調剤
 * layout. Knows nothing of the file's structure: {@link ReceiptReader} tells it which record a line
 * is and to which receipt it belongs. A value that does not fit its field throws
 * {@link InvalidValueException}, with {@link RecordLine#lastField()} on the field read last.
 */
final class RecordParsers {

    private final RecordLine line;

    RecordParsers(RecordLine line) {
        this.line = line;
    }

    /** The 歯科 IR's fields: no name; the 8th is not read (README). */
    static final List<String> DENTAL_IR_FIELDS = List.of("審査支払機関", "都道府県", "点数表", "医療機関コード", "予備",
            "請求年月", "電話番号");

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
        return new Facility(uk.recordType(), uk.payer(), uk.prefecture(), uk.scoreTable(), uk.code(), uk.name(),
                uk.billingMonth(), uk.volume(), line.text(7));
    }

    /** The RE's 診療年月 tells the edition: GYYMM in the 和暦 editions, YYYYMM in the 令和 ones. */
    boolean eraDates() {
        return line.ends[3] - line.starts[3] == 5;
    }

    List<String> fieldsAfterType() {
        List<String> f = new ArrayList<>(line.count - 1);
        for (int i = 1; i < line.count; i++) {
            f.add(line.text(i));
        }
        return f;
    }

    Facility parseFacility(RecordType type) {
        String payer = line.text(1);
        if (payer.isEmpty() || payer.length() > 2 || !RecordLine.allDigits(payer)) {
            throw new InvalidValueException("must be 1 or 2 digits, got \"" + payer + "\"");
        }
        String prefecture = line.digits(2, 2);
        int p = Integer.parseInt(prefecture);
        if (p < 1 || p > 47) {
            throw new InvalidValueException("no prefecture " + prefecture + " (01–47)");
        }
        String table = line.digits(3, 1);
        if (ReceiptKind.ofScoreTable(table) == null) {
            throw new InvalidValueException("unknown 点数表 " + table + " (1 医科, 3 歯科, 4 調剤)");
        }
        if (type == RecordType.YK && !"4".equals(table)) {
            throw new InvalidValueException("a pharmacy header must have 点数表 4, got " + table);
        }
        if (type == RecordType.UK && !"3".equals(table)) {
            throw new InvalidValueException("a UK header must have 点数表 3 (歯科), got " + table);
        }
        if (type == RecordType.IR && "3".equals(table)) {
            throw new InvalidValueException("a 歯科 file opens with its UK record; an IR with 点数表 3 must follow a UK");
        }
        String code = line.digits(4, 7);
        // YK has no 予備 field after the code: name, 請求年月, volume and phone sit one field earlier
        int at = type == RecordType.YK ? 5 : 6;
        String name = line.text(at);
        YearMonth billing = line.yearMonth(at + 1);
        if (type == RecordType.UK) {
            // 届出 at 8 (not kept), マルチボリューム識別情報 at 9; the telephone number is in the 歯科 IR
            line.text(8);
            String volume = line.isEmpty(9) ? "" : line.digits(9, 2);
            return new Facility(type.name(), payer, prefecture, table, code, name, billing, volume, "");
        }
        String volume = line.isEmpty(at + 2) ? "" : line.digits(at + 2, 2);
        String phone = line.text(at + 3);
        return new Facility(type.name(), payer, prefecture, table, code, name, billing, volume, phone);
    }

    ReceiptBuilder parseReceiptHeader(long lineNumber, Facility facility) {
        ReceiptBuilder b = new ReceiptBuilder(lineNumber, facility);
        String number = line.text(1);
        if (number.isEmpty() || number.length() > 6 || !RecordLine.allDigits(number) || Integer.parseInt(number) == 0) {
            throw new InvalidValueException("must be a serial number 1–999999, got \"" + number + "\"");
        }
        b.receiptNumber = Integer.parseInt(number);
        String type = line.digits(2, 4);
        if (!type.startsWith(facility.scoreTable())) {
            throw new InvalidValueException("レセプト種別 " + type + " does not belong under 点数表 "
                    + facility.scoreTable() + " of the facility header");
        }
        if (type.charAt(1) < '1' || type.charAt(1) > '4' || type.charAt(2) < '1' || type.charAt(2) > '5') {
            throw new InvalidValueException("not a レセプト種別 code: " + type);
        }
        b.receiptType = type;
        b.treatmentMonth = line.yearMonth(3);
        b.name = line.text(4);
        String sex = line.text(5);
        if (!"1".equals(sex) && !"2".equals(sex)) {
            throw new InvalidValueException("男女区分 must be 1 or 2, got \"" + sex + "\"");
        }
        b.sex = sex;
        b.birthDate = line.date(6);
        if (b.birthDate.isAfter(b.treatmentMonth.atEndOfMonth())) {
            line.date(6);
            throw new InvalidValueException("born " + b.birthDate + ", after the treatment month " + b.treatmentMonth);
        }
        ReceiptKind kind = facility.kind();
        b.eraDates = eraDates();
        b.layoutKind = FieldCounts.Kind.of(kind, kind == ReceiptKind.MEDICAL
                && FieldCounts.receipt(FieldCounts.Kind.DPC, b.eraDates).allows(line.count));
        b.admissionDate = kind == ReceiptKind.PHARMACY ? null : line.optionalDate(8);
        // the 和暦 医科 layout ends before the カタカナ氏名, which text() then gives as empty
        b.kanaName = line.text(kanaField(b.layoutKind));
        return b;
    }

    /** Field names of the 調剤 layouts of records whose 医科 layout {@link RecordType} names. */
    private static final Map<RecordType, List<String>> PHARMACY_FIELDS = Map.of(
            RecordType.IY, List.of("負担区分", "医薬品コード", "使用量", "予備", "予備", "混合区分コード", "混合区分 枝",
                    "配合不適区分", "1回用量"),
            RecordType.TO, List.of("負担区分", "特定器材コード", "使用量", "単位コード", "単価", "特定器材名称"),
            RecordType.CO, List.of("コメントコード", "文字データ"),
            RecordType.HO, List.of("保険者番号", "被保険者証等の記号", "被保険者証等の番号", "処方箋受付回数", "合計点数", "予備",
                    "職務上の事由", "証明書番号", "一部負担金", "予備", "減免区分", "減額割合", "減額金額"),
            RecordType.KO, List.of("公費負担者番号", "公費受給者番号", "任意給付区分", "処方箋受付回数", "合計点数", "予備",
                    "一部負担金額", "予備", "公費給付対象一部負担金"));

    /** Field names of the 歯科 layouts that differ from the 医科 ones {@link RecordType} names (up to the 算定日情報). */
    private static final Map<RecordType, List<String>> DENTAL_FIELDS = Map.of(
            RecordType.HO, List.of("保険者番号", "被保険者証等の記号", "被保険者証等の番号", "診療実日数", "合計点数",
                    "食事療養・生活療養 回数", "食事療養・生活療養 合計金額", "職務上の事由", "証明書番号", "負担金額 医療保険",
                    "減免区分", "減額割合", "減額金額"),
            RecordType.SI, List.of("診療識別", "負担区分", "診療行為コード", "数量データ", "点数", "回数"),
            RecordType.IY, List.of("診療識別", "負担区分", "医薬品コード", "使用量", "点数", "回数", "医薬品区分"),
            RecordType.TO, List.of("診療識別", "負担区分", "特定器材コード", "使用量", "単位コード", "単価",
                    "特定器材加算等コード1", "特定器材加算等数量データ1", "特定器材加算等コード2", "特定器材加算等数量データ2",
                    "商品名及び規格又はサイズ", "点数", "回数"));

    String childFieldName(ReceiptKind kind, RecordType type, int index) {
        List<String> dental = kind == ReceiptKind.DENTAL ? DENTAL_FIELDS.get(type) : null;
        if (dental != null) {
            return index >= 1 && index <= dental.size() ? dental.get(index - 1)
                    : index <= dental.size() + 31 ? (index - dental.size()) + "日の情報" : "項目" + index;
        }
        List<String> names = kind == ReceiptKind.PHARMACY ? PHARMACY_FIELDS.get(type) : null;
        if (names != null) {
            return index >= 1 && index <= names.size() ? names.get(index - 1) : "項目" + index;
        }
        return type.fieldName(index);
    }

    /** Position of カタカナ氏名 in RE: 医科 36, DPC 38 (after its レセプト総括区分 and 明細情報数), 歯科 25, 調剤 41. */
    static int kanaField(FieldCounts.Kind kind) {
        return switch (kind) {
            case MEDICAL -> 36;
            case DPC -> 38;
            case DENTAL -> 25;
            case PHARMACY -> 41;
        };
    }

    void parseChild(RecordType type, ReceiptBuilder b) {
        if (b.facility.kind() == ReceiptKind.PHARMACY) {
            switch (type) {
                case IY -> {
                    // 調剤 IY: 負担区分, 医薬品コード, 使用量; days and points are in the CZ record
                    b.drugs.add(new Drug(b.seq++, "", burden(1), line.digits(2, 9), line.optionalDecimal(3, 5, 5), null,
                            null, List.of(), ServiceDays.NONE));
                    return;
                }
                case TO -> {
                    // 調剤 TO: 負担区分, 特定器材コード, 使用量, 単位コード, 単価, 名称; no 診療識別, 点数 or 回数
                    b.materials.add(new Material(b.seq++, "", burden(1), line.digits(2, 9), line.optionalDecimal(3, 9, 5),
                            null, null, line.text(4), line.optionalDecimal(5, 9, 2), line.text(6), List.of(),
                            ServiceDays.NONE));
                    return;
                }
                case CO -> {
                    // 調剤 CO: コメントコード, 文字データ
                    b.comments.add(new Comment(b.seq++, "", "", line.digits(1, 9), line.text(2)));
                    return;
                }
                case HO -> {
                    b.insurance(parsePharmacyInsurance());
                    return;
                }
                case KO -> {
                    // 調剤 KO: 処方箋受付回数 at 4, 合計点数 at 5, 一部負担金額 at 7
                    b.publicExpenses.add(new PublicExpense(line.digits(1, 8), optionalMaxDigits(2, 7), line.text(3),
                            line.optionalInteger(4, 2), line.optionalInteger(5, 8), line.optionalInteger(7, 8)));
                    return;
                }
                case SH -> {
                    b.prescriptions.add(parseSh(b.seq++));
                    return;
                }
                case CZ -> {
                    b.dispensings.add(parseCz(b.seq++));
                    return;
                }
                default -> {
                    // SN, JD, MF and the rest share the common layout
                }
            }
        }
        if (b.facility.kind() == ReceiptKind.DENTAL && parseDentalChild(type, b)) {
            return;
        }
        switch (type) {
            case HO -> b.insurance(parseInsurance());
            case KO -> b.publicExpenses.add(new PublicExpense(line.digits(1, 8), optionalMaxDigits(2, 7),
                    line.text(3), line.optionalInteger(4, 2), line.optionalInteger(5, 8), line.optionalInteger(6, 8)));
            case SN -> parseEligibility(b);
            case SY -> b.diagnoses.add(parseSy(b.seq++));
            case HS -> b.diagnoses.add(parseHs(b.seq++));
            case SI -> b.procedures.add(checked(parseSi(b.seq++)));
            case SS -> b.procedures.add(checked(parseSs(b.seq++)));
            case IY -> b.drugs.add(checked(new Drug(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.optionalDecimal(4, 5, 5), line.optionalInteger(5, 7), line.integer(6, 3),
                    ReceiptBuilder.embeddedComments(line, 7), days(RecordType.IY))));
            case TO -> b.materials.add(checked(new Material(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.optionalDecimal(4, 9, 5), line.optionalInteger(5, 7), line.integer(6, 3),
                    line.text(7), line.optionalDecimal(8, 9, 2), line.text(10), ReceiptBuilder.embeddedComments(line, 11),
                    days(RecordType.TO))));
            case CO -> b.comments.add(new Comment(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.text(4)));
            case SJ -> b.symptomDetails.add(new SymptomDetail(b.seq++, line.optionalDigits(1, 2), line.text(2)));
            case BU -> {
                if (b.diagnosisGroup != null) {
                    throw new InvalidValueException("a second BU record in one receipt");
                }
                b.diagnosisGroup = parseBu(b.seq++);
            }
            case SB -> b.dpcDiagnoses.add(parseSb(b.seq++));
            default -> b.others.add(new OtherRecord(b.seq++, type.name(), fieldsAfterType()));
        }
    }

    /**
     * The 歯科 layouts of HO, SI, IY and TO (記録条件仕様 歯科用): no comment fields in SI, IY and TO,
     * 医薬品区分 after IY's 回数, TO's 点数 and 回数 after its 加算 and name, no 予備 in HO. False for a
     * record whose layout is the common one.
     */
    private boolean parseDentalChild(RecordType type, ReceiptBuilder b) {
        switch (type) {
            case HO -> {
                Insurance common = parseInsurance();
                b.insurance(new Insurance(common.insurerNumber(), common.symbol(), common.number(), common.days(),
                        common.points(), line.optionalInteger(6, 2), line.optionalInteger(7, 8), line.text(8),
                        line.optionalInteger(10, 9)));
            }
            case SI -> b.procedures.add(checked(new Procedure(b.seq++, "SI", line.optionalDigits(1, 2), burden(2),
                    line.digits(3, 9), line.optionalLong(4, 8), line.optionalInteger(5, 7), line.integer(6, 3), List.of(),
                    days(7))));
            case IY -> b.drugs.add(checked(new Drug(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.optionalDecimal(4, 5, 5), line.optionalInteger(5, 7), line.integer(6, 3), List.of(), days(8))));
            case TO -> {
                Material m = new Material(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                        line.optionalDecimal(4, 9, 5), line.optionalInteger(12, 7), line.integer(13, 3), line.text(5),
                        line.optionalDecimal(6, 9, 2), line.text(11), List.of(), days(14));
                checkDays(m.days(), m.count(), 13);
                b.materials.add(m);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * 記録条件仕様: from the April 2012 treatments on, 回数 equals the sum of the 算定日情報 of days
     * 1–31. A record whose days disagree with its count is refused rather than believed either way.
     */
    private Procedure checked(Procedure p) {
        checkDays(p.days(), p.count(), p.recordType().equals("SS") ? 77 : 6);
        return p;
    }

    private Drug checked(Drug d) {
        checkDays(d.days(), d.count(), 6);
        return d;
    }

    private void checkDays(ServiceDays days, Integer count, int countField) {
        if (count != null) {
            checkDays(days, (int) count, countField);
        }
    }

    private Material checked(Material m) {
        checkDays(m.days(), m.count(), 6);
        return m;
    }

    private DiagnosisGroup parseBu(int seq) {
        String code = line.text(1);
        if (!diagnosisGroupCode(code)) {
            throw new InvalidValueException("診断群分類番号 must be 14 characters, 6 digits then digits or x, got \""
                    + code + "\"");
        }
        LocalDate admitted = line.date(2);
        LocalDate discharged = line.optionalDate(3);
        if (discharged != null && discharged.isBefore(admitted)) {
            throw new InvalidValueException("discharged " + discharged + ", before the admission " + admitted);
        }
        return new DiagnosisGroup(seq, code, admitted, discharged, line.optionalDigits(4, 1), line.text(5));
    }

    /** MDC and 傷病 (6 digits), then 年齢等, 手術, 処置等1・2, 副傷病, 重症度: digits, or x where unused. */
    private static boolean diagnosisGroupCode(String code) {
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

    private DpcDiagnosis parseSb(int seq) {
        String code = line.digits(1, 7);
        List<String> modifiers = modifiers(2);
        String name = uncodedName(code, 3);
        String icd10 = line.text(4);
        if (!icd10Shape(icd10)) {
            throw new InvalidValueException("ICD10コード must be a capital letter and 2 to 4 digits or capitals, got \""
                    + icd10 + "\"");
        }
        String category = line.digits(5, 2);
        String death = line.text(6);
        if (!death.isEmpty() && !"1".equals(death)) {
            throw new InvalidValueException("死因 must be 1 or empty, got \"" + death + "\"");
        }
        return new DpcDiagnosis(seq, code, modifiers, name, icd10, category, death, line.text(7));
    }

    private static boolean icd10Shape(String s) {
        if (s.length() < 3 || s.length() > 5 || s.charAt(0) < 'A' || s.charAt(0) > 'Z'
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

    private Prescription parseSh(int seq) {
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

    private Dispensing parseCz(int seq) {
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
        return new Dispensing(seq, doctor, prescribed, dispensed, reception, quantity, preparation, split, previous,
                drugPoints, additions, line.optionalInteger(45, 3), optionalMaxDigits(46, 1),
                line.optionalInteger(47, 3), line.optionalDigits(48, 9), optionalMaxDigits(49, 2),
                line.optionalInteger(50, 3), line.optionalInteger(51, 3), optionalMaxDigits(52, 1),
                optionalMaxDigits(53, 1), fee(54, false), fee(57, true), fee(62, false), optionalMaxDigits(65, 1),
                reduction);
    }

    /**
     * A CZ fee group from field {@code from}: 負担区分, (算定区分, 算定先No when {@code routed}), コード,
     * 点数; null when every field of the group is empty.
     */
    private DispensingFee fee(int from, boolean routed) {
        int codeAt = from + (routed ? 3 : 1);
        boolean any = false;
        for (int i = from; i <= codeAt + 1; i++) {
            any |= !line.isEmpty(i);
        }
        if (!any) {
            return null;
        }
        return new DispensingFee(burden(from), routed ? line.digits(from + 1, 1) : "",
                routed ? line.digits(from + 2, 2) : "", line.digits(codeAt, 9), line.optionalInteger(codeAt + 1, 5));
    }

    private void checkDays(ServiceDays days, int count, int countField) {
        if (!days.isEmpty() && days.total() != count) {
            line.text(countField);
            throw new InvalidValueException("回数 " + count + " differs from the sum " + days.total()
                    + " of the 算定日情報");
        }
    }

    private Insurance parseInsurance() {
        String insurer = line.text(1);
        String trimmed = insurer.stripLeading();
        // Read as written: 国保 cards have no 記号, 6-digit numbers come left-padded with spaces ("  133066"),
        // and receipt software writes the card fields it has, even none; the linker quarantines a receipt
        // that names no member rather than the reader refusing it.
        if (!trimmed.isEmpty() && (insurer.length() != 8 || trimmed.length() < 6 || !RecordLine.allDigits(trimmed))) {
            throw new InvalidValueException("保険者番号 must be 8 characters of digits (6-digit numbers left-padded)");
        }
        if (trimmed.length() == 8 && !InsurerNumber.isValid(insurer)) {
            throw new InvalidValueException("check digit of 保険者番号 is wrong");
        }
        String symbol = line.text(2);
        String number = line.text(3);
        return new Insurance(insurer, symbol, number, line.optionalInteger(4, 2), line.integer(5, 8),
                line.optionalInteger(7, 2), line.optionalInteger(8, 8), line.text(9), line.optionalInteger(11, 9));
    }

    /** 調剤 HO: 処方箋受付回数 at 4 in place of 診療実日数, no 食事療養, 職務上の事由 at 7, 一部負担金 at 9. */
    private Insurance parsePharmacyInsurance() {
        Insurance common = parseInsurance();
        return new Insurance(common.insurerNumber(), common.symbol(), common.number(), common.days(), common.points(),
                null, null, line.text(7), line.optionalInteger(9, 9));
    }

    private void parseEligibility(ReceiptBuilder b) {
        String kind = line.digits(1, 1);
        if (kind.charAt(0) < '1' || kind.charAt(0) > '5') {
            throw new InvalidValueException("負担者種別 must be 1–5, got " + kind);
        }
        Eligibility e = new Eligibility(kind, line.digits(2, 2), line.text(3), line.text(4), line.text(5),
                line.optionalDigits(6, 2), optionalMaxDigits(7, 7));
        if ("1".equals(kind)) {
            if (b.eligibility != null) {
                throw new InvalidValueException("a second SN record for the medical insurance");
            }
            b.eligibility = e;
        } else {
            b.others.add(new OtherRecord(b.seq++, "SN", fieldsAfterType()));
        }
    }

    private Diagnosis parseSy(int seq) {
        String code = line.digits(1, 7);
        LocalDate start = line.date(2);
        String outcome = outcome(3);
        List<String> modifiers = modifiers(4);
        String name = uncodedName(code, 5);
        return new Diagnosis(seq, "SY", code, start, outcome, modifiers, name, line.optionalDigits(6, 2),
                line.text(7), "");
    }

    private Diagnosis parseHs(int seq) {
        LocalDate start = line.optionalDate(1);
        String outcome = line.isEmpty(2) ? "" : outcome(2);
        String teeth = line.text(3);
        if (teeth.length() % 6 != 0) {
            throw new InvalidValueException("歯式コード must be a multiple of 6 characters, got " + teeth.length());
        }
        String code = line.digits(4, 7);
        List<String> modifiers = modifiers(5);
        String name = uncodedName(code, 6);
        return new Diagnosis(seq, "HS", code, start, outcome, modifiers, name, line.optionalDigits(9, 2),
                line.text(11), teeth);
    }

    private Procedure parseSi(int seq) {
        return new Procedure(seq, "SI", line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                line.optionalLong(4, 8), line.optionalInteger(5, 7), line.integer(6, 3),
                ReceiptBuilder.embeddedComments(line, 7), days(RecordType.SI));
    }

    private Procedure parseSs(int seq) {
        return new Procedure(seq, "SS", line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                line.optionalLong(4, 8), line.optionalInteger(76, 7), line.integer(77, 3), List.of(),
                days(RecordType.SS));
    }

    /** 傷病名称 at {@code i}: recorded for an uncoded disease (0000999), which cannot go without it. */
    private String uncodedName(String code, int i) {
        String name = line.text(i);
        if (Diagnosis.UNCODED.equals(code) && name.isEmpty()) {
            throw new InvalidValueException("an uncoded disease (0000999) needs its 傷病名称");
        }
        return name;
    }

    private String outcome(int i) {
        String o = line.digits(i, 1);
        if (o.charAt(0) < '1' || o.charAt(0) > '4') {
            throw new InvalidValueException("転帰区分 must be 1–4, got " + o);
        }
        return o;
    }

    private List<String> modifiers(int i) {
        String all = line.text(i);
        if (all.isEmpty()) {
            return List.of();
        }
        if (all.length() % 4 != 0 || all.length() > 80) {
            throw new InvalidValueException("修飾語コード must be up to 20 codes of 4 characters, got \"" + all + "\"");
        }
        List<String> codes = new ArrayList<>(all.length() / 4);
        for (int k = 0; k < all.length(); k += 4) {
            String c = all.substring(k, k + 4);
            for (int j = 0; j < 4; j++) {
                char ch = c.charAt(j);
                if (!(ch >= '0' && ch <= '9') && !(ch >= 'A' && ch <= 'Z')) {
                    throw new InvalidValueException("修飾語コード \"" + c + "\" is not 4 ASCII letters or digits");
                }
            }
            codes.add(c);
        }
        return codes;
    }

    private String burden(int i) {
        String s = line.text(i);
        if (s.length() != 1 || !(Character.isDigit(s.charAt(0)) || (s.charAt(0) >= 'A' && s.charAt(0) <= 'Z'))) {
            throw new InvalidValueException("負担区分 must be one ASCII letter or digit, got \"" + s + "\"");
        }
        return s;
    }

    private String maxDigits(int i, int max) {
        if (line.isEmpty(i)) {
            throw new InvalidValueException("required value is missing");
        }
        return optionalMaxDigits(i, max);
    }

    private String optionalMaxDigits(int i, int max) {
        String s = line.text(i);
        if (!s.isEmpty() && (s.length() > max || !RecordLine.allDigits(s))) {
            throw new InvalidValueException("must be up to " + max + " digits, got \"" + s + "\"");
        }
        return s;
    }

    private ServiceDays days(RecordType type) {
        return days(type.dayOffset());
    }

    /** The 31 算定日情報 fields from field {@code from}. */
    private ServiceDays days(int from) {
        if (line.count <= from) {
            return ServiceDays.NONE;
        }
        short[] counts = new short[31];
        boolean any = false;
        int to = Math.min(line.count, from + 31);
        for (int i = from; i < to; i++) {
            Integer c = line.optionalInteger(i, 3);
            if (c != null) {
                counts[i - from] = (short) (int) c;
                any = true;
            }
        }
        return any ? ServiceDays.wrap(counts) : ServiceDays.NONE;
    }
}
