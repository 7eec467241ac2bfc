package jp.kenpo.privacy.formats.json;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.Observation;
import jp.kenpo.privacy.formats.receipt.Comment;
import jp.kenpo.privacy.formats.receipt.Diagnosis;
import jp.kenpo.privacy.formats.receipt.DiagnosisGroup;
import jp.kenpo.privacy.formats.receipt.Dispensing;
import jp.kenpo.privacy.formats.receipt.DispensingFee;
import jp.kenpo.privacy.formats.receipt.DpcDiagnosis;
import jp.kenpo.privacy.formats.receipt.Drug;
import jp.kenpo.privacy.formats.receipt.EmbeddedComment;
import jp.kenpo.privacy.formats.receipt.Facility;
import jp.kenpo.privacy.formats.receipt.Insurance;
import jp.kenpo.privacy.formats.receipt.Material;
import jp.kenpo.privacy.formats.receipt.OtherRecord;
import jp.kenpo.privacy.formats.receipt.Prescription;
import jp.kenpo.privacy.formats.receipt.Procedure;
import jp.kenpo.privacy.formats.receipt.PublicExpense;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ServiceDays;
import jp.kenpo.privacy.formats.receipt.SymptomDetail;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * One JSON object per line for what a reader understood: codes as strings exactly as in the file,
 * dates as ISO {@code YYYY-MM-DD} / {@code YYYY-MM}, counts, points and quantities as numbers,
 * absent values as {@code null}.
 */
public final class JsonLines implements AutoCloseable {

    private static final JsonFactory FACTORY =
            JsonFactory.builder().rootValueSeparator("\n").build();

    private final JsonGenerator g;
    private boolean any;

    public JsonLines(OutputStream out) {
        this.g = FACTORY.createGenerator(out);
    }

    /** One receipt as it was read, as one JSON object (for storing a record as read, e.g. in quarantine). */
    public static String of(Receipt r, long line) {
        var out = new java.io.ByteArrayOutputStream(1024);
        try (var json = new JsonLines(out)) {
            json.receipt(r, line);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    /** One checkup as it was read, as one JSON object. */
    public static String of(Checkup c, String document) {
        var out = new java.io.ByteArrayOutputStream(1024);
        try (var json = new JsonLines(out)) {
            json.checkup(c, document);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    public void receipt(Receipt r, long line) {
        any = true;
        g.writeStartObject();
        g.writeNumberProperty("line", line);
        facility(r.facility());
        g.writeNumberProperty("receiptNumber", r.receiptNumber());
        g.writeStringProperty("receiptType", r.receiptType());
        g.writeStringProperty("kind", r.kind() == null ? null : r.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeBooleanProperty("inpatient", r.inpatient());
        g.writeStringProperty("treatmentMonth", r.treatmentMonth().toString());
        g.writeStringProperty("name", r.name());
        g.writeStringProperty("kanaName", r.kanaName());
        g.writeStringProperty("sex", r.sex());
        date("birthDate", r.birthDate());
        date("admissionDate", r.admissionDate());
        member(r.memberKey());
        insurance(r.insurance());
        g.writeArrayPropertyStart("publicExpenses");
        for (PublicExpense k : r.publicExpenses()) {
            g.writeStartObject();
            g.writeStringProperty("payerNumber", k.payerNumber());
            g.writeStringProperty("recipientNumber", k.recipientNumber());
            number("days", k.days());
            number("points", k.points());
            number("burdenAmount", k.burdenAmount());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.eligibility() == null) {
            g.writeNullProperty("eligibility");
        } else {
            g.writeObjectPropertyStart("eligibility");
            g.writeStringProperty("confirmation", r.eligibility().confirmation());
            g.writeStringProperty("branch", r.eligibility().branch());
            g.writeEndObject();
        }
        g.writeArrayPropertyStart("diagnoses");
        for (Diagnosis d : r.diagnoses()) {
            g.writeStartObject();
            g.writeNumberProperty("seq", d.seq());
            g.writeStringProperty("record", d.recordType());
            g.writeStringProperty("code", d.code());
            date("startDate", d.startDate());
            g.writeStringProperty("outcome", d.outcome());
            strings("modifiers", d.modifiers());
            g.writeStringProperty("name", d.name());
            g.writeBooleanProperty("main", d.main());
            g.writeStringProperty("comment", d.comment());
            g.writeStringProperty("teeth", d.teeth());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("procedures");
        for (Procedure p : r.procedures()) {
            detailStart(p.seq(), p.recordType(), p.category(), p.burden(), p.code());
            number("quantity", p.quantity());
            number("points", p.points());
            g.writeNumberProperty("count", p.count());
            embedded(p.comments());
            days(p.days());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("drugs");
        for (Drug d : r.drugs()) {
            detailStart(d.seq(), "IY", d.category(), d.burden(), d.code());
            if (!r.prescriptions().isEmpty()) {
                Prescription rp = r.prescriptionOf(d);
                number("prescriptionSeq", rp == null ? null : rp.seq());
            }
            number("quantity", d.quantity());
            number("points", d.points());
            number("count", d.count());
            embedded(d.comments());
            days(d.days());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("materials");
        for (Material m : r.materials()) {
            detailStart(m.seq(), "TO", m.category(), m.burden(), m.code());
            number("quantity", m.quantity());
            number("points", m.points());
            number("count", m.count());
            g.writeStringProperty("unitCode", m.unitCode());
            number("unitPrice", m.unitPrice());
            g.writeStringProperty("productName", m.productName());
            embedded(m.comments());
            days(m.days());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("comments");
        for (Comment c : r.comments()) {
            detailStart(c.seq(), "CO", c.category(), c.burden(), c.code());
            g.writeStringProperty("text", c.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("symptomDetails");
        for (SymptomDetail s : r.symptomDetails()) {
            g.writeStartObject();
            g.writeNumberProperty("seq", s.seq());
            g.writeStringProperty("category", s.category());
            g.writeStringProperty("text", s.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        DiagnosisGroup bu = r.diagnosisGroup();
        if (bu == null) {
            g.writeNullProperty("diagnosisGroup");
        } else {
            g.writeObjectPropertyStart("diagnosisGroup");
            g.writeNumberProperty("seq", bu.seq());
            g.writeStringProperty("code", bu.code());
            date("admissionDate", bu.admissionDate());
            date("dischargeDate", bu.dischargeDate());
            g.writeStringProperty("outcome", bu.outcome());
            g.writeStringProperty("causeOfDeath", bu.causeOfDeath());
            g.writeEndObject();
        }
        g.writeArrayPropertyStart("dpcDiagnoses");
        for (DpcDiagnosis d : r.dpcDiagnoses()) {
            g.writeStartObject();
            g.writeNumberProperty("seq", d.seq());
            g.writeStringProperty("code", d.code());
            strings("modifiers", d.modifiers());
            g.writeStringProperty("name", d.name());
            g.writeStringProperty("icd10", d.icd10());
            g.writeStringProperty("category", d.category());
            g.writeBooleanProperty("main", d.main());
            g.writeStringProperty("causeOfDeath", d.causeOfDeath());
            g.writeStringProperty("comment", d.comment());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("prescriptions");
        for (Prescription p : r.prescriptions()) {
            g.writeStartObject();
            g.writeNumberProperty("seq", p.seq());
            g.writeStringProperty("number", p.number());
            g.writeStringProperty("dosageForm", p.dosageForm());
            g.writeStringProperty("usage", p.usage());
            g.writeStringProperty("instruction", p.instruction());
            g.writeNumberProperty("unitDrugPoints", p.unitDrugPoints());
            numbers("publicUnitDrugPoints", p.publicUnitDrugPoints());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("dispensings");
        for (Dispensing z : r.dispensings()) {
            dispensing(z, r.prescriptionOf(z));
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("others");
        for (OtherRecord o : r.others()) {
            g.writeStartObject();
            g.writeNumberProperty("seq", o.seq());
            g.writeStringProperty("record", o.type());
            strings("fields", o.fields());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public void checkup(Checkup c, String document) {
        any = true;
        g.writeStartObject();
        g.writeStringProperty("document", document);
        g.writeStringProperty("documentId", c.documentId());
        g.writeStringProperty("reportCategory", c.reportCategory());
        date("createdOn", c.createdOn());
        member(c.member());
        g.writeStringProperty("name", c.name());
        g.writeStringProperty("sex", c.sex());
        date("birthDate", c.birthDate());
        date("checkupDate", c.checkupDate());
        g.writeStringProperty("programType", c.programType());
        g.writeObjectPropertyStart("facility");
        g.writeStringProperty("code", c.facilityCode());
        g.writeStringProperty("name", c.facilityName());
        g.writeEndObject();
        g.writeArrayPropertyStart("observations");
        for (Observation o : c.observations()) {
            g.writeStartObject();
            g.writeStringProperty("code", o.code());
            g.writeStringProperty("codeSystem", o.codeSystem());
            g.writeStringProperty("type", o.valueType());
            BigDecimal n = o.nullFlavor().isEmpty() ? o.number() : null;
            if (n != null) {
                g.writeNumberProperty("value", n);
                g.writeStringProperty("unit", o.unit());
            } else if (o.value().isEmpty()) {
                g.writeNullProperty("value");
            } else {
                g.writeStringProperty("value", o.value());
            }
            if (!o.valueCodeSystem().isEmpty()) {
                g.writeStringProperty("valueCodeSystem", o.valueCodeSystem());
            }
            if (!o.nullFlavor().isEmpty()) {
                g.writeStringProperty("nullFlavor", o.nullFlavor());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void facility(Facility f) {
        g.writeObjectPropertyStart("facility");
        g.writeStringProperty("record", f.recordType());
        g.writeStringProperty("payer", f.payer());
        g.writeStringProperty("prefecture", f.prefecture());
        g.writeStringProperty("scoreTable", f.scoreTable());
        g.writeStringProperty("code", f.code());
        g.writeStringProperty("name", f.name());
        g.writeStringProperty("billingMonth", f.billingMonth().toString());
        g.writeEndObject();
    }

    private void member(MemberKey k) {
        if (k == null) {
            g.writeNullProperty("member");
            return;
        }
        g.writeObjectPropertyStart("member");
        g.writeStringProperty("insurerNumber", k.insurerNumber());
        g.writeStringProperty("symbol", k.symbol());
        g.writeStringProperty("number", k.number());
        g.writeStringProperty("branch", k.branch());
        g.writeEndObject();
    }

    private void insurance(Insurance h) {
        if (h == null) {
            g.writeNullProperty("insurance");
            return;
        }
        g.writeObjectPropertyStart("insurance");
        number("days", h.days());
        number("points", h.points());
        number("mealCount", h.mealCount());
        number("mealAmount", h.mealAmount());
        number("burdenAmount", h.burdenAmount());
        g.writeEndObject();
    }

    private void dispensing(Dispensing z, Prescription of) {
        g.writeStartObject();
        g.writeNumberProperty("seq", z.seq());
        number("prescriptionSeq", of == null ? null : of.seq());
        g.writeStringProperty("doctorNumber", z.doctorNumber());
        date("prescribedOn", z.prescribedOn());
        date("dispensedOn", z.dispensedOn());
        g.writeNumberProperty("reception", z.reception());
        g.writeNumberProperty("quantity", z.quantity());
        fee("preparationFee", z.preparationFee());
        g.writeStringProperty("splitCategory", z.splitCategory());
        number("previousQuantity", z.previousQuantity());
        number("drugPoints", z.drugPoints());
        g.writeArrayPropertyStart("additions");
        for (DispensingFee f : z.additions()) {
            fee(null, f);
        }
        g.writeEndArray();
        number("packagingDays", z.packagingDays());
        g.writeStringProperty("splitKind", z.splitKind());
        number("previousPackagingDays", z.previousPackagingDays());
        g.writeStringProperty("doctorSplitCode", z.doctorSplitCode());
        g.writeStringProperty("doctorSplitCategory", z.doctorSplitCategory());
        number("doctorSplitQuantity", z.doctorSplitQuantity());
        number("doctorSplitPackagingDays", z.doctorSplitPackagingDays());
        g.writeStringProperty("inclusiveManagement", z.inclusiveManagement());
        g.writeStringProperty("otherFacilityReception", z.otherFacilityReception());
        fee("outpatientSupport", z.outpatientSupport());
        fee("managementFee", z.managementFee());
        fee("managementOvertime", z.managementOvertime());
        g.writeStringProperty("drugReduction", z.drugReduction());
        numbers("drugReductionPoints", z.drugReductionPoints());
        g.writeEndObject();
    }

    /** A fee group as a property {@code name}, or as an array element when {@code name} is null. */
    private void fee(String name, DispensingFee f) {
        if (f == null) {
            g.writeNullProperty(name);
            return;
        }
        if (name == null) {
            g.writeStartObject();
        } else {
            g.writeObjectPropertyStart(name);
        }
        g.writeStringProperty("burden", f.burden());
        g.writeStringProperty("calculation", f.calculation());
        g.writeStringProperty("target", f.target());
        g.writeStringProperty("code", f.code());
        number("points", f.points());
        g.writeEndObject();
    }

    private void numbers(String name, List<Integer> values) {
        g.writeArrayPropertyStart(name);
        for (Integer v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
        g.writeEndArray();
    }

    private void detailStart(int seq, String record, String category, String burden, String code) {
        g.writeStartObject();
        g.writeNumberProperty("seq", seq);
        g.writeStringProperty("record", record);
        g.writeStringProperty("category", category);
        g.writeStringProperty("burden", burden);
        g.writeStringProperty("code", code);
    }

    private void embedded(List<EmbeddedComment> list) {
        g.writeArrayPropertyStart("comments");
        for (EmbeddedComment c : list) {
            g.writeStartObject();
            g.writeStringProperty("code", c.code());
            g.writeStringProperty("text", c.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** 算定日情報 as {"day": count} for the days with a count. */
    private void days(ServiceDays d) {
        g.writeObjectPropertyStart("days");
        for (int day = 1; day <= 31; day++) {
            if (d.on(day) != 0) {
                g.writeNumberProperty(Integer.toString(day), d.on(day));
            }
        }
        g.writeEndObject();
    }

    private void strings(String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private void date(String name, LocalDate d) {
        if (d == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, d.toString());
        }
    }

    private void number(String name, Integer v) {
        if (v == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    private void number(String name, Long v) {
        if (v == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    private void number(String name, BigDecimal v) {
        if (v == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    public void flush() {
        g.flush();
    }

    @Override
    public void close() {
        if (any) {
            g.writeRaw('\n');
        }
        g.close();
    }
}
