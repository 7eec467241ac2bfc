package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * One receipt (レセプト): the レセプト共通レコード (RE) with every record that follows it up to
 * the next RE, IR/YK or GO.
 *
 * @param facility        the IR/YK header the receipt was filed under
 * @param receiptNumber   レセプト番号 (serial within the file)
 * @param receiptType     レセプト種別 (4 digits, 別表 レセプト種別コード)
 * @param treatmentMonth  診療年月 (調剤年月 for pharmacy)
 * @param name            氏名 as recorded
 * @param sex             男女区分 (1 男, 2 女)
 * @param birthDate       生年月日
 * @param admissionDate   入院年月日 ({@code null} when not recorded)
 * @param kanaName        カタカナ氏名 (empty when not recorded)
 * @param insurance       HO, {@code null} for a receipt paid by public expense alone
 * @param publicExpenses  KO records in order (第1公費 first)
 * @param eligibility     SN for the medical insurance (負担者種別 1), {@code null} when none
 * @param diagnoses       SY / HS
 * @param procedures      SI / SS
 * @param drugs           IY
 * @param materials       TO
 * @param comments        CO
 * @param symptomDetails  SJ
 * @param others          other child records kept verbatim (including SN for public expenses)
 * @param diagnosisGroup  BU of a DPC receipt, {@code null} for others
 * @param dpcDiagnoses    SB of a DPC receipt
 * @param prescriptions   SH of a pharmacy receipt
 * @param dispensings     CZ of a pharmacy receipt
 */
public record Receipt(
        Facility facility,
        int receiptNumber,
        String receiptType,
        YearMonth treatmentMonth,
        String name,
        String sex,
        LocalDate birthDate,
        LocalDate admissionDate,
        String kanaName,
        Insurance insurance,
        List<PublicExpense> publicExpenses,
        Eligibility eligibility,
        List<Diagnosis> diagnoses,
        List<Procedure> procedures,
        List<Drug> drugs,
        List<Material> materials,
        List<Comment> comments,
        List<SymptomDetail> symptomDetails,
        List<OtherRecord> others,
        DiagnosisGroup diagnosisGroup,
        List<DpcDiagnosis> dpcDiagnoses,
        List<Prescription> prescriptions,
        List<Dispensing> dispensings) {

    public Receipt {
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(receiptType, "receiptType");
        Objects.requireNonNull(treatmentMonth, "treatmentMonth");
        name = name == null ? "" : name;
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        kanaName = kanaName == null ? "" : kanaName;
        publicExpenses = List.copyOf(publicExpenses);
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        drugs = List.copyOf(drugs);
        materials = List.copyOf(materials);
        comments = List.copyOf(comments);
        symptomDetails = List.copyOf(symptomDetails);
        others = List.copyOf(others);
        dpcDiagnoses = List.copyOf(dpcDiagnoses);
        prescriptions = List.copyOf(prescriptions);
        dispensings = List.copyOf(dispensings);
    }

    /**
     * Whether the receipt is in the DPC layout (DPCレセプト): a 医科 receipt with a 診断群分類 (BU).
     * Its RE and HO carry the DPC layout's extra fields.
     */
    public boolean dpc() {
        return diagnosisGroup != null;
    }

    /**
     * The SH (RP) a child record of a pharmacy receipt belongs to: the last SH before it, or
     * {@code null} when none comes before it. The CZ and IY records of an RP follow its SH.
     */
    public Prescription prescriptionOf(ChildRecord child) {
        Prescription found = null;
        for (Prescription p : prescriptions) {
            if (p.seq() > child.seq()) {
                break;
            }
            found = p;
        }
        return found;
    }

    /** Every child record in its 摘要 order (by {@code seq}); the insurance and eligibility records are not among them. */
    public List<ChildRecord> children() {
        List<List<? extends ChildRecord>> lists = List.of(
                diagnoses,
                procedures,
                drugs,
                materials,
                comments,
                symptomDetails,
                others,
                diagnosisGroup == null ? List.of() : List.of(diagnosisGroup),
                dpcDiagnoses,
                prescriptions,
                dispensings);
        ArrayList<ChildRecord> all = new ArrayList<>();
        lists.forEach(all::addAll);
        all.sort(Comparator.comparingInt(ChildRecord::seq));
        return all;
    }

    /**
     * The member this receipt is for, as the insurer identifies them: HO's 保険者番号, 記号 and
     * 番号, with the 枝番 of the SN record when there is one. {@code null} for a receipt without
     * HO (public expense alone), which no 健保組合 member key can link.
     */
    public MemberKey memberKey() {
        if (insurance == null) {
            return null;
        }
        return new MemberKey(
                insurance.insurerNumber(),
                insurance.symbol(),
                insurance.number(),
                eligibility == null ? "" : eligibility.branch());
    }

    /** 医科, 歯科 or 調剤, from the first digit of the レセプト種別. */
    public ReceiptKind kind() {
        return ReceiptKind.ofScoreTable(receiptType.substring(0, 1));
    }

    /**
     * 入院: in the 医科 and 歯科 レセプト種別 the last digit is odd for inpatient receipts
     * (1 本人入院, 3 未就学者入院, 5 家族入院, 7/9 高齢受給者入院) and even for outpatient ones.
     */
    public boolean inpatient() {
        ReceiptKind k = kind();
        return k != ReceiptKind.PHARMACY && (receiptType.charAt(3) - '0') % 2 == 1;
    }

    /** The same receipt under another レセプト番号 (numbers are per file, given when written). */
    public Receipt withReceiptNumber(int number) {
        return new Receipt(
                facility,
                number,
                receiptType,
                treatmentMonth,
                name,
                sex,
                birthDate,
                admissionDate,
                kanaName,
                insurance,
                publicExpenses,
                eligibility,
                diagnoses,
                procedures,
                drugs,
                materials,
                comments,
                symptomDetails,
                others,
                diagnosisGroup,
                dpcDiagnoses,
                prescriptions,
                dispensings);
    }
}
