package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.kenpo.privacy.formats.InvalidValueException;

/**
 * Reads the current line as the record {@link ReceiptReader} says it is: the facility headers (IR,
 * UK and the 歯科 IR, YK), the RE, and every child record in the layout of its receipt's kind — the
 * 医科 (and DPC) layouts here, the 歯科, 調剤 and DPC-only ones in {@link DentalRecords},
 * {@link PharmacyRecords} and {@link DpcRecords}. Knows nothing of the file's structure. A value
 * that does not fit its field throws {@link InvalidValueException}, with
 * {@link RecordLine#lastField()} on the field read last.
 */
final class RecordParsers extends FieldValues {

    private final DentalRecords dental;
    private final PharmacyRecords pharmacy;
    private final DpcRecords dpc;

    RecordParsers(RecordLine line) {
        super(line);
        this.dental = new DentalRecords(line);
        this.pharmacy = new PharmacyRecords(line);
        this.dpc = new DpcRecords(line);
    }

    /** The 歯科 IR after the UK of line {@code ukLine}: the UK's facility with the IR's telephone number. */
    Facility withDentalIr(Facility uk, long ukLine) {
        return dental.withDentalIr(uk, ukLine);
    }

    /** The RE's 診療年月 tells the edition: GYYMM in the 和暦 editions, YYYYMM in the 令和 ones. */
    boolean eraDates() {
        return line.ends[3] - line.starts[3] == 5;
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
            throw new InvalidValueException("レセプト種別 " + type + " does not belong under 点数表 " + facility.scoreTable()
                    + " of the facility header");
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
        b.layoutKind = FieldCounts.Kind.of(
                kind,
                kind == ReceiptKind.MEDICAL
                        && FieldCounts.receipt(FieldCounts.Kind.DPC, b.eraDates).allows(line.count));
        b.admissionDate = kind == ReceiptKind.PHARMACY ? null : line.optionalDate(8);
        // the 和暦 医科 layout ends before the カタカナ氏名, which text() then gives as empty
        b.kanaName = line.text(kanaField(b.layoutKind));
        return b;
    }

    String childFieldName(ReceiptKind kind, RecordType type, int index) {
        List<String> dental = kind == ReceiptKind.DENTAL ? DentalRecords.FIELDS.get(type) : null;
        if (dental != null) {
            return index >= 1 && index <= dental.size()
                    ? dental.get(index - 1)
                    : index <= dental.size() + 31 ? (index - dental.size()) + "日の情報" : "項目" + index;
        }
        List<String> names = kind == ReceiptKind.PHARMACY ? PharmacyRecords.FIELDS.get(type) : null;
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
        // the layout kind the RE fixed, not Facility.kind(): this runs for every child record
        FieldCounts.Kind kind = b.layoutKind;
        if (kind == FieldCounts.Kind.PHARMACY && pharmacy.parse(type, b)
                || kind == FieldCounts.Kind.DENTAL && dental.parse(type, b)) {
            return;
        }
        switch (type) {
            case HO -> b.insurance(parseInsurance());
            case KO ->
                b.publicExpenses.add(new PublicExpense(
                        line.digits(1, 8),
                        optionalMaxDigits(2, 7),
                        line.text(3),
                        line.optionalInteger(4, 2),
                        line.optionalInteger(5, 8),
                        line.optionalInteger(6, 8)));
            case SN -> parseEligibility(b);
            case SY -> b.diagnoses.add(parseSy(b.seq++));
            case SI -> b.procedures.add(checked(parseSi(b.seq++)));
            case IY ->
                b.drugs.add(checked(new Drug(
                        b.seq++,
                        line.optionalDigits(1, 2),
                        burden(2),
                        line.digits(3, 9),
                        line.optionalDecimal(4, 5, 5),
                        line.optionalInteger(5, 7),
                        line.integer(6, 3),
                        ReceiptBuilder.embeddedComments(line, 7),
                        days(RecordType.IY))));
            case TO ->
                b.materials.add(checked(new Material(
                        b.seq++,
                        line.optionalDigits(1, 2),
                        burden(2),
                        line.digits(3, 9),
                        line.optionalDecimal(4, 9, 5),
                        line.optionalInteger(5, 7),
                        line.integer(6, 3),
                        line.text(7),
                        line.optionalDecimal(8, 9, 2),
                        line.text(10),
                        ReceiptBuilder.embeddedComments(line, 11),
                        days(RecordType.TO))));
            case CO ->
                b.comments.add(
                        new Comment(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9), line.text(4)));
            case SJ -> b.symptomDetails.add(new SymptomDetail(b.seq++, line.optionalDigits(1, 2), line.text(2)));
            case BU -> {
                if (b.diagnosisGroup != null) {
                    throw new InvalidValueException("a second BU record in one receipt");
                }
                b.diagnosisGroup = dpc.parseBu(b.seq++);
            }
            case SB -> b.dpcDiagnoses.add(dpc.parseSb(b.seq++));
            default -> b.others.add(new OtherRecord(b.seq++, type.name(), fieldsAfterType()));
        }
    }

    private void parseEligibility(ReceiptBuilder b) {
        String kind = line.digits(1, 1);
        if (kind.charAt(0) < '1' || kind.charAt(0) > '5') {
            throw new InvalidValueException("負担者種別 must be 1–5, got " + kind);
        }
        Eligibility e = new Eligibility(
                kind,
                line.digits(2, 2),
                line.text(3),
                line.text(4),
                line.text(5),
                line.optionalDigits(6, 2),
                optionalMaxDigits(7, 7));
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
        return new Diagnosis(
                seq, "SY", code, start, outcome, modifiers, name, line.optionalDigits(6, 2), line.text(7), "");
    }

    private Procedure parseSi(int seq) {
        return new Procedure(
                seq,
                "SI",
                line.optionalDigits(1, 2),
                burden(2),
                line.digits(3, 9),
                line.optionalLong(4, 8),
                line.optionalInteger(5, 7),
                line.integer(6, 3),
                ReceiptBuilder.embeddedComments(line, 7),
                days(RecordType.SI));
    }
}
