package jp.kenpo.privacy.formats.receipt;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes receipts in the receipt electronic format, in the 令和 layouts of the 記録条件仕様
 * (Western dates, the field counts of the current 医科 layout; RE, HS and SS in the 歯科 layout
 * for dental facilities; YK, RE and IY in the 調剤 layout for pharmacies), in either
 * {@link Layout}. Used by the synthetic generator and for round trips:
 * {@code read(write(x))} gives back {@code x}.
 *
 * <pre>{@code
 * try (ReceiptWriter w = new ReceiptWriter(out, true)) {
 *     w.beginFacility(facility);
 *     w.write(receipt);
 *     w.endFacility();
 * }
 * }</pre>
 *
 * <p>The GO record's 総件数 and 総合計点数 are counted by the writer: 総件数 is the number of HO and
 * KO records (a receipt with 医療保険 and one 公費 counts twice), 総合計点数 the HO 合計点数 plus, for
 * a receipt without HO (公費単独), its first KO's. A 歯科 facility's data opens with UK and the
 * 9-field 歯科 IR. Child records are written in
 * this order: HO, KO, the medical SN, then every other child record in its {@code seq} order.
 */
public final class ReceiptWriter implements Closeable {

    private final OutputStream out;
    private final boolean eofMark;
    private final Layout layout;
    private final RecordSink sink;
    private Facility facility;
    /** HO and KO records written for the open facility: GO's 総件数. */
    private int claims;

    private long points;

    /**
     * @param out     the destination; buffered by the writer, closed by {@link #close()}
     * @param eofMark whether to end the file with 0x1A, as some senders do
     */
    public ReceiptWriter(OutputStream out, boolean eofMark) {
        this(out, eofMark, Layout.CLAIM);
    }

    /**
     * @param layout {@link Layout#CLAIM} (IR … GO groups) or {@link Layout#INSURER} (prefix
     *               columns, the facility header repeated before every receipt, no GO)
     */
    public ReceiptWriter(OutputStream out, boolean eofMark, Layout layout) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.eofMark = eofMark;
        this.layout = layout;
        this.sink = new RecordSink(this.out, layout);
    }

    public void beginFacility(Facility f) {
        if (facility != null) {
            throw new IllegalStateException("facility " + facility.code() + " is still open");
        }
        facility = f;
        claims = 0;
        points = 0;
        if (layout == Layout.INSURER) {
            return; // the header goes before each receipt
        }
        io(() -> facilityHeader(f));
    }

    private void facilityHeader(Facility f) throws IOException {
        if (f.recordType().equals("UK")) {
            // UK: the name and 請求年月, 届出 (not kept) and the volume; then the 歯科 IR with the telephone number
            sink.begin("UK")
                    .text(f.payer())
                    .text(f.prefecture())
                    .text(f.scoreTable())
                    .text(f.code())
                    .empty(1)
                    .text(f.name())
                    .yearMonth(f.billingMonth())
                    .empty(1)
                    .text(f.volume())
                    .end();
            sink.begin("IR")
                    .text(f.payer())
                    .text(f.prefecture())
                    .text(f.scoreTable())
                    .text(f.code())
                    .empty(1)
                    .yearMonth(f.billingMonth())
                    .text(f.phone())
                    .empty(1)
                    .end();
            return;
        }
        sink.begin(f.recordType())
                .text(f.payer())
                .text(f.prefecture())
                .text(f.scoreTable())
                .text(f.code());
        if (!f.recordType().equals("YK")) {
            sink.empty(1); // IR has a 予備 field before the name, YK does not
        }
        sink.text(f.name())
                .yearMonth(f.billingMonth())
                .text(f.volume())
                .text(f.phone())
                .end();
    }

    public void write(Receipt r) {
        if (facility == null) {
            throw new IllegalStateException("no facility begun");
        }
        if (!r.facility().equals(facility)) {
            throw new IllegalArgumentException("receipt " + r.receiptNumber() + " belongs to facility "
                    + r.facility().code() + ", not to the open " + facility.code());
        }
        claims += (r.insurance() != null ? 1 : 0) + r.publicExpenses().size();
        if (r.insurance() != null) {
            points += r.insurance().points();
        } else if (!r.publicExpenses().isEmpty() && r.publicExpenses().get(0).points() != null) {
            points += r.publicExpenses().get(0).points();
        }
        io(() -> writeReceipt(r));
    }

    public void endFacility() {
        if (facility == null) {
            throw new IllegalStateException("no facility begun");
        }
        if (layout == Layout.CLAIM) {
            io(() -> sink.begin("GO").number(claims).number(points).text("99").end());
        }
        facility = null;
    }

    /** Writes receipts that may come from several facilities, one facility group per run of equal facilities. */
    public void writeAll(List<Receipt> list) {
        for (Receipt r : list) {
            if (facility != null && !facility.equals(r.facility())) {
                endFacility();
            }
            if (facility == null) {
                beginFacility(r.facility());
            }
            write(r);
        }
        if (facility != null) {
            endFacility();
        }
    }

    @Override
    public void close() throws IOException {
        if (facility != null) {
            throw new IllegalStateException("facility " + facility.code() + " was not ended");
        }
        if (eofMark) {
            out.write(0x1A);
        }
        out.close();
    }

    private void writeReceipt(Receipt r) throws IOException {
        sink.newReceipt();
        List<OtherRecord> others = r.others();
        int firstOther = 0;
        if (!others.isEmpty()
                && others.get(0).seq() == 0
                && others.get(0).type().equals("MN")) {
            // an MN that opened the receipt goes before its RE (and its facility header), where the reader looks for it
            other(others.get(0));
            firstOther = 1;
        }
        if (layout == Layout.INSURER) {
            facilityHeader(facility);
        }
        sink.begin("RE")
                .number(r.receiptNumber())
                .text(r.receiptType())
                .yearMonth(r.treatmentMonth())
                .text(r.name())
                .text(r.sex())
                .date(r.birthDate())
                .empty(1)
                .date(r.admissionDate());
        boolean pharmacy = facility.kind() == ReceiptKind.PHARMACY;
        // the DPC layout has two more fields (レセプト総括区分, 明細情報数) before the カタカナ氏名, HO and KO one more at the end
        int dpcExtra = r.dpc() ? 1 : 0;
        switch (facility.kind()) {
            case DENTAL -> sink.empty(16).text(r.kanaName()).empty(1).end();
            case PHARMACY -> sink.empty(32).text(r.kanaName()).end();
            default -> sink.empty(27 + 2 * dpcExtra).text(r.kanaName()).empty(1).end();
        }
        boolean dental = facility.kind() == ReceiptKind.DENTAL;
        Insurance h = r.insurance();
        if (h != null && dental) {
            sink.begin("HO")
                    .text(h.insurerNumber())
                    .text(h.symbol())
                    .text(h.number())
                    .number(h.days())
                    .number(h.points())
                    .number(h.mealCount())
                    .number(h.mealAmount())
                    .text(h.occupational())
                    .empty(1)
                    .number(h.burdenAmount())
                    .empty(3)
                    .end();
        } else if (h != null && pharmacy) {
            sink.begin("HO")
                    .text(h.insurerNumber())
                    .text(h.symbol())
                    .text(h.number())
                    .number(h.days())
                    .number(h.points())
                    .empty(1)
                    .text(h.occupational())
                    .empty(1)
                    .number(h.burdenAmount())
                    .empty(4)
                    .end();
        } else if (h != null) {
            sink.begin("HO")
                    .text(h.insurerNumber())
                    .text(h.symbol())
                    .text(h.number())
                    .number(h.days())
                    .number(h.points())
                    .empty(1)
                    .number(h.mealCount())
                    .number(h.mealAmount())
                    .text(h.occupational())
                    .empty(1)
                    .number(h.burdenAmount())
                    .empty(3 + dpcExtra)
                    .end();
        }
        for (PublicExpense k : r.publicExpenses()) {
            sink.begin("KO")
                    .text(k.payerNumber())
                    .text(k.recipientNumber())
                    .text(k.benefitCategory())
                    .number(k.days())
                    .number(k.points());
            if (pharmacy) {
                sink.empty(1).number(k.burdenAmount()).empty(2).end();
            } else if (dental) {
                sink.number(k.burdenAmount()).empty(3).end();
            } else {
                sink.number(k.burdenAmount()).empty(5 + dpcExtra).end();
            }
        }
        Eligibility e = r.eligibility();
        if (e != null) {
            sink.begin("SN")
                    .text(e.payerKind())
                    .text(e.confirmation())
                    .text(e.insurerNumber())
                    .text(e.symbol())
                    .text(e.number())
                    .text(e.branch())
                    .text(e.recipientNumber())
                    .empty(1)
                    .end();
        }
        mergeBySeq(r, firstOther);
    }

    /** Writes the child records of every kind in their 摘要 order, after the leading MN already written. */
    private void mergeBySeq(Receipt r, int firstOther) throws IOException {
        List<ChildRecord> all = r.children();
        for (int i = firstOther; i < all.size(); i++) {
            child(all.get(i));
        }
    }

    private void child(ChildRecord o) throws IOException {
        boolean pharmacy = facility.kind() == ReceiptKind.PHARMACY;
        if (facility.kind() == ReceiptKind.DENTAL && dentalChild(o)) {
            return;
        }
        if (o instanceof Diagnosis d) {
            diagnosis(d);
        } else if (o instanceof Procedure p) {
            procedure(p);
        } else if (o instanceof Drug d && pharmacy) {
            sink.begin("IY")
                    .text(d.burden())
                    .text(d.code())
                    .decimal(d.quantity())
                    .empty(6)
                    .end();
        } else if (o instanceof Drug d) {
            sink.begin("IY")
                    .text(d.category())
                    .text(d.burden())
                    .text(d.code())
                    .decimal(d.quantity())
                    .number(d.points())
                    .number(d.count());
            comments(d.comments());
            days(d.days());
            sink.end();
        } else if (o instanceof Material m && pharmacy) {
            sink.begin("TO")
                    .text(m.burden())
                    .text(m.code())
                    .decimal(m.quantity())
                    .text(m.unitCode())
                    .decimal(m.unitPrice())
                    .text(m.productName())
                    .end();
        } else if (o instanceof Material m) {
            sink.begin("TO")
                    .text(m.category())
                    .text(m.burden())
                    .text(m.code())
                    .decimal(m.quantity())
                    .number(m.points())
                    .number(m.count())
                    .text(m.unitCode())
                    .decimal(m.unitPrice())
                    .empty(1)
                    .text(m.productName());
            comments(m.comments());
            days(m.days());
            sink.end();
        } else if (o instanceof Comment c && pharmacy) {
            sink.begin("CO").text(c.code()).text(c.text()).end();
        } else if (o instanceof Comment c) {
            sink.begin("CO")
                    .text(c.category())
                    .text(c.burden())
                    .text(c.code())
                    .text(c.text())
                    .end();
        } else if (o instanceof SymptomDetail s) {
            sink.begin("SJ").text(s.category()).text(s.text()).end();
        } else if (o instanceof DiagnosisGroup g) {
            sink.begin("BU")
                    .text(g.code())
                    .date(g.admissionDate())
                    .date(g.dischargeDate())
                    .text(g.outcome())
                    .text(g.causeOfDeath())
                    .end();
        } else if (o instanceof DpcDiagnosis d) {
            sink.begin("SB")
                    .text(d.code())
                    .text(String.join("", d.modifiers()))
                    .text(d.name())
                    .text(d.icd10())
                    .text(d.category())
                    .text(d.causeOfDeath())
                    .text(d.comment())
                    .end();
        } else if (o instanceof Prescription p) {
            sink.begin("SH")
                    .text(p.number())
                    .text(p.dosageForm())
                    .text(p.usage())
                    .text(p.instruction())
                    .number(p.unitDrugPoints());
            p.publicUnitDrugPoints().forEach(sink::number);
            sink.end();
        } else if (o instanceof Dispensing z) {
            dispensing(z);
        } else {
            other((OtherRecord) o);
        }
    }

    /** SI, IY, TO and CO in their 歯科 layouts (no embedded comments); false for any other record. */
    private boolean dentalChild(ChildRecord o) throws IOException {
        ServiceDays days;
        if (o instanceof Procedure p && p.recordType().equals("SI")) {
            requireNoComments(p.comments());
            sink.begin("SI")
                    .text(p.category())
                    .text(p.burden())
                    .text(p.code())
                    .number(p.quantity())
                    .number(p.points())
                    .number(p.count());
            days = p.days();
        } else if (o instanceof Drug d) {
            requireNoComments(d.comments());
            sink.begin("IY")
                    .text(d.category())
                    .text(d.burden())
                    .text(d.code())
                    .decimal(d.quantity())
                    .number(d.points())
                    .number(d.count())
                    .empty(1);
            days = d.days();
        } else if (o instanceof Material m) {
            requireNoComments(m.comments());
            sink.begin("TO")
                    .text(m.category())
                    .text(m.burden())
                    .text(m.code())
                    .decimal(m.quantity())
                    .text(m.unitCode())
                    .decimal(m.unitPrice())
                    .empty(4)
                    .text(m.productName())
                    .number(m.points())
                    .number(m.count());
            days = m.days();
        } else if (o instanceof Comment c) {
            sink.begin("CO")
                    .text(c.category())
                    .text(c.burden())
                    .text(c.code())
                    .text(c.text())
                    .empty(6)
                    .end();
            return true;
        } else {
            return false;
        }
        days(days);
        sink.end();
        return true;
    }

    private static void requireNoComments(List<EmbeddedComment> comments) {
        if (!comments.isEmpty()) {
            throw new IllegalArgumentException("the 歯科 layouts of SI, IY and TO have no comment fields");
        }
    }

    /** CZ in the 71-field layout of the 令和 editions since 2022 (the older 54 fields are its start). */
    private void dispensing(Dispensing z) throws IOException {
        sink.begin("CZ")
                .text(z.doctorNumber())
                .date(z.prescribedOn())
                .date(z.dispensedOn())
                .number(z.reception())
                .number(z.quantity());
        fee(z.preparationFee(), true);
        sink.text(z.splitCategory())
                .number(z.previousQuantity())
                .number(z.drugPoints())
                .empty(1);
        for (int k = 0; k < Dispensing.MAX_ADDITIONS; k++) {
            fee(k < z.additions().size() ? z.additions().get(k) : null, false);
        }
        sink.number(z.packagingDays())
                .text(z.splitKind())
                .number(z.previousPackagingDays())
                .text(z.doctorSplitCode())
                .text(z.doctorSplitCategory())
                .number(z.doctorSplitQuantity())
                .number(z.doctorSplitPackagingDays())
                .text(z.inclusiveManagement())
                .text(z.otherFacilityReception());
        fee(z.outpatientSupport(), false);
        fee(z.managementFee(), true);
        fee(z.managementOvertime(), false);
        sink.text(z.drugReduction());
        z.drugReductionPoints().forEach(sink::number);
        sink.end();
    }

    private void fee(DispensingFee f, boolean routed) {
        if (f == null) {
            sink.empty(routed ? 5 : 3);
            return;
        }
        sink.text(f.burden());
        if (routed) {
            sink.text(f.calculation()).text(f.target());
        }
        sink.text(f.code()).number(f.points());
    }

    private void diagnosis(Diagnosis d) throws IOException {
        String modifiers = d.modifiers().isEmpty() ? "" : String.join("", d.modifiers());
        if (d.recordType().equals("HS")) {
            sink.begin("HS")
                    .date(d.startDate())
                    .text(d.outcome())
                    .text(d.teeth())
                    .text(d.code())
                    .text(modifiers)
                    .text(d.name())
                    .empty(2)
                    .text(d.mainCode())
                    .empty(1)
                    .text(d.comment())
                    .empty(1)
                    .end();
        } else {
            sink.begin("SY")
                    .text(d.code())
                    .date(d.startDate())
                    .text(d.outcome())
                    .text(modifiers)
                    .text(d.name())
                    .text(d.mainCode())
                    .text(d.comment())
                    .end();
        }
    }

    private void procedure(Procedure p) throws IOException {
        if (p.recordType().equals("SS")) {
            sink.begin("SS")
                    .text(p.category())
                    .text(p.burden())
                    .text(p.code())
                    .number(p.quantity())
                    .empty(71)
                    .number(p.points())
                    .number(p.count());
        } else {
            sink.begin("SI")
                    .text(p.category())
                    .text(p.burden())
                    .text(p.code())
                    .number(p.quantity())
                    .number(p.points())
                    .number(p.count());
            comments(p.comments());
        }
        days(p.days());
        sink.end();
    }

    private void comments(List<EmbeddedComment> list) {
        if (list.size() > 3) {
            throw new IllegalArgumentException("at most 3 embedded comments, got " + list.size());
        }
        for (EmbeddedComment c : list) {
            sink.text(c.code()).text(c.text());
        }
        sink.empty(2 * (3 - list.size()));
    }

    private void days(ServiceDays d) {
        sink.days(d);
    }

    private void other(OtherRecord o) throws IOException {
        sink.begin(o.type());
        for (String f : o.fields()) {
            sink.text(f);
        }
        sink.end();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
