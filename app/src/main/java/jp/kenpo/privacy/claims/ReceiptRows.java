package jp.kenpo.privacy.claims;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.formats.receipt.ChildRecord;
import jp.kenpo.privacy.formats.receipt.Comment;
import jp.kenpo.privacy.formats.receipt.Diagnosis;
import jp.kenpo.privacy.formats.receipt.DiagnosisGroup;
import jp.kenpo.privacy.formats.receipt.Dispensing;
import jp.kenpo.privacy.formats.receipt.DispensingFee;
import jp.kenpo.privacy.formats.receipt.DpcDiagnosis;
import jp.kenpo.privacy.formats.receipt.Drug;
import jp.kenpo.privacy.formats.receipt.Material;
import jp.kenpo.privacy.formats.receipt.Prescription;
import jp.kenpo.privacy.formats.receipt.Procedure;
import jp.kenpo.privacy.formats.receipt.Receipt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one file's receipts: the receipt and its child records (傷病名, 診療行為, 医薬品,
 * 特定器材, コメント, and a pharmacy's 処方 and 調剤), held in batches and sent parents before
 * children, so foreign keys always hold. Which receipts are stored is decided before (by
 * {@link ReceiptVersions}); this only writes them.
 *
 * <p>One instance per file import, in the file's transaction.
 */
final class ReceiptRows {

    private final long fileId;
    private final BatchInsert receipts;
    private final BatchInsert diagnoses;
    private final BatchInsert prescriptions;
    private final BatchInsert dispensings;
    private final BatchInsert fees;
    private final BatchInsert procedures;
    private final BatchInsert drugs;
    private final BatchInsert materials;
    private final BatchInsert comments;

    /** Parents before children: an RP before its dispensings and drugs, a dispensing before its fees. */
    private final List<BatchInsert> inOrder;

    ReceiptRows(JdbcTemplate jdbc, long fileId) {
        this.fileId = fileId;
        this.receipts = new BatchInsert(
                jdbc,
                "receipt",
                "file_id, seq, line, member_id, kind, receipt_type, "
                        + "treatment_month, inpatient, admission_date, facility_code, prefecture, billing_month, days, points, "
                        + "dpc_code, dpc_admission_date, dpc_discharge_date, dpc_outcome, receipt_number, content_sha256, "
                        + "superseded_by_file, superseded_by_seq",
                Types.BIGINT,
                Types.INTEGER,
                Types.BIGINT,
                Types.BIGINT,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.DATE,
                Types.BOOLEAN,
                Types.DATE,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.DATE,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.DATE,
                Types.DATE,
                Types.VARCHAR,
                Types.INTEGER,
                Types.CHAR,
                Types.BIGINT,
                Types.INTEGER);
        this.diagnoses = new BatchInsert(
                jdbc,
                "receipt_diagnosis",
                "file_id, receipt_seq, seq, record_type, code, start_date, outcome, modifiers, name, main, icd10, dpc_category",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.DATE,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.BOOLEAN,
                Types.VARCHAR,
                Types.VARCHAR);
        this.prescriptions = new BatchInsert(
                jdbc,
                "receipt_prescription",
                "file_id, receipt_seq, seq, rp_number, " + "dosage_form, usage_code, instruction, unit_drug_points",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.INTEGER);
        this.dispensings = new BatchInsert(
                jdbc,
                "receipt_dispensing",
                "file_id, receipt_seq, seq, prescription_seq, "
                        + "doctor_number, prescribed_on, dispensed_on, reception, quantity, drug_points, packaging_days",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.DATE,
                Types.DATE,
                Types.INTEGER,
                Types.INTEGER,
                Types.INTEGER,
                Types.INTEGER);
        this.fees = new BatchInsert(
                jdbc,
                "receipt_dispensing_fee",
                "file_id, receipt_seq, dispensing_seq, seq, fee, " + "burden, code, points",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.INTEGER);
        this.procedures = new BatchInsert(
                jdbc,
                "receipt_procedure",
                "file_id, receipt_seq, seq, record_type, category, code, quantity, points, times",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER);
        this.drugs = new BatchInsert(
                jdbc,
                "receipt_drug",
                "file_id, receipt_seq, seq, category, code, quantity, points, " + "times, prescription_seq",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.NUMERIC,
                Types.INTEGER,
                Types.INTEGER,
                Types.INTEGER);
        this.materials = new BatchInsert(
                jdbc,
                "receipt_material",
                "file_id, receipt_seq, seq, category, code, quantity, "
                        + "points, times, unit_code, unit_price, product_name",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.NUMERIC,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.NUMERIC,
                Types.VARCHAR);
        this.comments = new BatchInsert(
                jdbc,
                "receipt_comment",
                "file_id, receipt_seq, seq, category, code, text",
                Types.BIGINT,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR);
        inOrder =
                List.of(receipts, diagnoses, procedures, prescriptions, dispensings, fees, drugs, materials, comments);
    }

    /**
     * Adds a receipt read at {@code line} as the file's {@code seq}th record, with its children.
     *
     * @param newer the stored version that supersedes this one, null when this one is current
     */
    void add(int seq, long line, long memberId, Receipt r, String content, ReceiptVersions.Version newer) {
        DiagnosisGroup dpc = r.diagnosisGroup();
        receipts.add(
                fileId,
                seq,
                line,
                memberId,
                r.kind().name(),
                r.receiptType(),
                month(r.treatmentMonth()),
                r.inpatient(),
                r.admissionDate(),
                r.facility() == null ? null : r.facility().code(),
                r.facility() == null ? null : r.facility().prefecture(),
                r.facility() == null ? null : month(r.facility().billingMonth()),
                r.insurance() == null ? null : r.insurance().days(),
                r.insurance() == null ? null : r.insurance().points(),
                dpc == null ? null : dpc.code(),
                dpc == null ? null : dpc.admissionDate(),
                dpc == null ? null : dpc.dischargeDate(),
                dpc == null ? null : dpc.outcome(),
                r.receiptNumber(),
                content,
                newer == null ? null : newer.fileId(),
                newer == null ? null : newer.seq());
        for (Diagnosis d : r.diagnoses()) {
            diagnoses.add(
                    fileId,
                    seq,
                    d.seq(),
                    d.recordType(),
                    d.code(),
                    d.startDate(),
                    d.outcome(),
                    String.join(" ", d.modifiers()),
                    d.name(),
                    d.main(),
                    null,
                    null);
        }
        for (DpcDiagnosis d : r.dpcDiagnoses()) {
            diagnoses.add(
                    fileId,
                    seq,
                    d.seq(),
                    d.recordType(),
                    d.code(),
                    null,
                    null,
                    String.join(" ", d.modifiers()),
                    d.name(),
                    d.main(),
                    d.icd10(),
                    d.category());
        }
        for (Prescription p : r.prescriptions()) {
            prescriptions.add(
                    fileId, seq, p.seq(), p.number(), p.dosageForm(), p.usage(), p.instruction(), p.unitDrugPoints());
        }
        for (Dispensing z : r.dispensings()) {
            dispensings.add(
                    fileId,
                    seq,
                    z.seq(),
                    prescriptionSeq(r, z),
                    z.doctorNumber(),
                    z.prescribedOn(),
                    z.dispensedOn(),
                    z.reception(),
                    z.quantity(),
                    z.drugPoints(),
                    z.packagingDays());
            int n = 0;
            for (var f : feesOf(z)) {
                fees.add(
                        fileId,
                        seq,
                        z.seq(),
                        n++,
                        f.getKey(),
                        f.getValue().burden(),
                        f.getValue().code(),
                        f.getValue().points());
            }
        }
        for (Procedure p : r.procedures()) {
            procedures.add(
                    fileId, seq, p.seq(), p.recordType(), p.category(), p.code(), p.quantity(), p.points(), p.count());
        }
        for (Drug d : r.drugs()) {
            drugs.add(
                    fileId,
                    seq,
                    d.seq(),
                    d.category(),
                    d.code(),
                    d.quantity(),
                    d.points(),
                    d.count(),
                    prescriptionSeq(r, d));
        }
        for (Material m : r.materials()) {
            materials.add(
                    fileId,
                    seq,
                    m.seq(),
                    m.category(),
                    m.code(),
                    m.quantity(),
                    m.points(),
                    m.count(),
                    m.unitCode(),
                    m.unitPrice(),
                    m.productName());
        }
        for (Comment c : r.comments()) {
            comments.add(fileId, seq, c.seq(), c.category(), c.code(), c.text());
        }
    }

    /** Sends the rows held, parents before children. */
    void flush() {
        inOrder.forEach(BatchInsert::flush);
    }

    static LocalDate month(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    /** The seq of the RP (SH) a pharmacy record belongs to, null outside pharmacy receipts. */
    private static Integer prescriptionSeq(Receipt r, ChildRecord child) {
        Prescription p = r.prescriptionOf(child);
        return p == null ? null : p.seq();
    }

    /** A dispensing's fee groups in recorded order, each with its kind as stored. */
    private static List<Map.Entry<String, DispensingFee>> feesOf(Dispensing z) {
        List<Map.Entry<String, DispensingFee>> all =
                new ArrayList<>(2 + z.additions().size());
        if (z.preparationFee() != null) {
            all.add(Map.entry("PREPARATION", z.preparationFee()));
        }
        z.additions().forEach(f -> all.add(Map.entry("ADDITION", f)));
        if (z.outpatientSupport() != null) {
            all.add(Map.entry("OUTPATIENT_SUPPORT", z.outpatientSupport()));
        }
        if (z.managementFee() != null) {
            all.add(Map.entry("MANAGEMENT", z.managementFee()));
        }
        if (z.managementOvertime() != null) {
            all.add(Map.entry("MANAGEMENT_OVERTIME", z.managementOvertime()));
        }
        return all;
    }
}
