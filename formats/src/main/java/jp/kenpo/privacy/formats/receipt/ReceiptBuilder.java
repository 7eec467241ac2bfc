package jp.kenpo.privacy.formats.receipt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.InvalidValueException;

/** The receipt being assembled by {@link ReceiptReader}: its RE values, then its child records as they come. */
final class ReceiptBuilder {

    final long line;
    final Facility facility;
    boolean failed;
    /** Why a failed receipt is left out: its first problem. */
    FormatError problem;

    int seq;
    int receiptNumber;
    String receiptType;
    YearMonth treatmentMonth;
    String name;
    String sex;
    LocalDate birthDate;
    LocalDate admissionDate;
    String kanaName;
    Insurance insurance;
    Eligibility eligibility;
    /** The layout the RE is in (医科 splits into 出来高 and DPC) and its edition: they fix every child's field count. */
    FieldCounts.Kind layoutKind;

    boolean eraDates;
    DiagnosisGroup diagnosisGroup;
    // lists are made when a first element comes: most receipts have no KO, TO, CO, SJ or other records
    final Lazy<PublicExpense> publicExpenses = new Lazy<>();
    final Lazy<Diagnosis> diagnoses = new Lazy<>();
    final Lazy<Procedure> procedures = new Lazy<>();
    final Lazy<Drug> drugs = new Lazy<>();
    final Lazy<Material> materials = new Lazy<>();
    final Lazy<Comment> comments = new Lazy<>();
    final Lazy<SymptomDetail> symptomDetails = new Lazy<>();
    final Lazy<OtherRecord> others = new Lazy<>();
    final Lazy<DpcDiagnosis> dpcDiagnoses = new Lazy<>();
    final Lazy<Prescription> prescriptions = new Lazy<>();
    final Lazy<Dispensing> dispensings = new Lazy<>();

    ReceiptBuilder(long line, Facility facility) {
        this.line = line;
        this.facility = facility;
    }

    void insurance(Insurance h) {
        if (insurance != null) {
            throw new InvalidValueException("a second HO record in one receipt");
        }
        insurance = h;
    }

    static ReceiptBuilder failed(long line, FormatError problem) {
        ReceiptBuilder b = new ReceiptBuilder(line, null);
        b.failed = true;
        b.problem = problem;
        return b;
    }

    static List<EmbeddedComment> embeddedComments(RecordLine l, int from) {
        List<EmbeddedComment> list = null;
        for (int i = from; i < from + 6 && i < l.count; i += 2) {
            if (!l.isEmpty(i)) {
                if (list == null) {
                    list = new ArrayList<>(3);
                }
                list.add(new EmbeddedComment(l.digits(i, 9), l.text(i + 1)));
            } else if (!l.isEmpty(i + 1)) {
                l.text(i + 1);
                throw new InvalidValueException("文字データ without a コメントコード");
            }
        }
        return list == null ? List.of() : list;
    }

    Receipt build() {
        return new Receipt(
                facility,
                receiptNumber,
                receiptType,
                treatmentMonth,
                name,
                sex,
                birthDate,
                admissionDate,
                kanaName,
                insurance,
                publicExpenses.list(),
                eligibility,
                diagnoses.list(),
                procedures.list(),
                drugs.list(),
                materials.list(),
                comments.list(),
                symptomDetails.list(),
                others.list(),
                diagnosisGroup,
                dpcDiagnoses.list(),
                prescriptions.list(),
                dispensings.list());
    }

    /** A list made on first use. */
    static final class Lazy<T> {
        private ArrayList<T> list;

        void add(T t) {
            if (list == null) {
                list = new ArrayList<>(4);
            }
            list.add(t);
        }

        List<T> list() {
            return list == null ? List.of() : list;
        }
    }
}
