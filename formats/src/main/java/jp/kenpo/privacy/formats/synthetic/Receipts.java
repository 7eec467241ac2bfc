package jp.kenpo.privacy.formats.synthetic;

import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.formats.receipt.Comment;
import jp.kenpo.privacy.formats.receipt.Diagnosis;
import jp.kenpo.privacy.formats.receipt.DiagnosisGroup;
import jp.kenpo.privacy.formats.receipt.Dispensing;
import jp.kenpo.privacy.formats.receipt.DpcDiagnosis;
import jp.kenpo.privacy.formats.receipt.Drug;
import jp.kenpo.privacy.formats.receipt.Material;
import jp.kenpo.privacy.formats.receipt.OtherRecord;
import jp.kenpo.privacy.formats.receipt.Prescription;
import jp.kenpo.privacy.formats.receipt.Procedure;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.SymptomDetail;

/** Rebuilding receipts the generator has made. */
final class Receipts {

    private Receipts() {}

    /** The receipt with {@code first} as child record 0 and every other child record one place later. */
    static Receipt withLeadingRecord(Receipt r, OtherRecord first) {
        List<OtherRecord> others = new ArrayList<>(r.others().size() + 1);
        others.add(new OtherRecord(0, first.type(), first.fields()));
        for (OtherRecord o : r.others()) {
            others.add(new OtherRecord(o.seq() + 1, o.type(), o.fields()));
        }
        return new Receipt(
                r.facility(),
                r.receiptNumber(),
                r.receiptType(),
                r.treatmentMonth(),
                r.name(),
                r.sex(),
                r.birthDate(),
                r.admissionDate(),
                r.kanaName(),
                r.insurance(),
                r.publicExpenses(),
                r.eligibility(),
                r.diagnoses().stream()
                        .map(d -> new Diagnosis(
                                d.seq() + 1,
                                d.recordType(),
                                d.code(),
                                d.startDate(),
                                d.outcome(),
                                d.modifiers(),
                                d.name(),
                                d.mainCode(),
                                d.comment(),
                                d.teeth()))
                        .toList(),
                r.procedures().stream()
                        .map(p -> new Procedure(
                                p.seq() + 1,
                                p.recordType(),
                                p.category(),
                                p.burden(),
                                p.code(),
                                p.quantity(),
                                p.points(),
                                p.count(),
                                p.comments(),
                                p.days()))
                        .toList(),
                r.drugs().stream()
                        .map(d -> new Drug(
                                d.seq() + 1,
                                d.category(),
                                d.burden(),
                                d.code(),
                                d.quantity(),
                                d.points(),
                                d.count(),
                                d.comments(),
                                d.days()))
                        .toList(),
                r.materials().stream()
                        .map(m -> new Material(
                                m.seq() + 1,
                                m.category(),
                                m.burden(),
                                m.code(),
                                m.quantity(),
                                m.points(),
                                m.count(),
                                m.unitCode(),
                                m.unitPrice(),
                                m.productName(),
                                m.comments(),
                                m.days()))
                        .toList(),
                r.comments().stream()
                        .map(c -> new Comment(c.seq() + 1, c.category(), c.burden(), c.code(), c.text()))
                        .toList(),
                r.symptomDetails().stream()
                        .map(s -> new SymptomDetail(s.seq() + 1, s.category(), s.text()))
                        .toList(),
                others,
                shifted(r.diagnosisGroup()),
                r.dpcDiagnoses().stream()
                        .map(d -> new DpcDiagnosis(
                                d.seq() + 1,
                                d.code(),
                                d.modifiers(),
                                d.name(),
                                d.icd10(),
                                d.category(),
                                d.causeOfDeath(),
                                d.comment()))
                        .toList(),
                r.prescriptions().stream()
                        .map(p -> new Prescription(
                                p.seq() + 1,
                                p.number(),
                                p.dosageForm(),
                                p.usage(),
                                p.instruction(),
                                p.unitDrugPoints(),
                                p.publicUnitDrugPoints()))
                        .toList(),
                r.dispensings().stream().map(Receipts::shifted).toList());
    }

    private static DiagnosisGroup shifted(DiagnosisGroup g) {
        return g == null
                ? null
                : new DiagnosisGroup(
                        g.seq() + 1, g.code(), g.admissionDate(), g.dischargeDate(), g.outcome(), g.causeOfDeath());
    }

    private static Dispensing shifted(Dispensing z) {
        return new Dispensing(
                z.seq() + 1,
                z.doctorNumber(),
                z.prescribedOn(),
                z.dispensedOn(),
                z.reception(),
                z.quantity(),
                z.preparationFee(),
                z.splitCategory(),
                z.previousQuantity(),
                z.drugPoints(),
                z.additions(),
                z.packagingDays(),
                z.splitKind(),
                z.previousPackagingDays(),
                z.doctorSplitCode(),
                z.doctorSplitCategory(),
                z.doctorSplitQuantity(),
                z.doctorSplitPackagingDays(),
                z.inclusiveManagement(),
                z.otherFacilityReception(),
                z.outpatientSupport(),
                z.managementFee(),
                z.managementOvertime(),
                z.drugReduction(),
                z.drugReductionPoints());
    }
}
