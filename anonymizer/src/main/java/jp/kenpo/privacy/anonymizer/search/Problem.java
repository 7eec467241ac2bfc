package jp.kenpo.privacy.anonymizer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.ValueColumn;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.measure.InformationLoss;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.ClassDistribution;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.model.SensitiveDomain;
import jp.kenpo.privacy.anonymizer.model.SensitiveModel;

/**
 * A request checked and encoded for the search: quasi-identifiers as int codes with their
 * hierarchies as lookup tables, sensitive columns as codes with their table-wide distributions,
 * and the models bound to them. Every configuration error is found here, before anything runs.
 */
public final class Problem {

    /** What a suppressed record shows in place of every quasi-identifier. */
    public static final String SUPPRESSED = "*";

    final AnonymizationRequest request;
    final int rows;
    final QuasiIdentifier[] qis;
    final SensitiveColumn[] sensitive;
    final BoundModel[] models;
    final int k;
    final long maxSuppressed;
    final int[] rowTuple; // [row] sensitive tuple id, null without sensitive models
    final int[][] tupleValues; // [sensitive][tuple] value code
    final Lattice lattice;
    final LossFunction loss;

    private Problem(
            AnonymizationRequest request,
            QuasiIdentifier[] qis,
            SensitiveColumn[] sensitive,
            BoundModel[] models,
            int k) {
        this.request = request;
        this.rows = request.table().rowCount();
        this.qis = qis;
        this.sensitive = sensitive;
        this.models = models;
        this.k = k;
        // the limit is a share of the records; suppressing a fraction of a record is not possible
        this.maxSuppressed = (long) Math.floor(request.suppressionLimit() * rows + 1e-9);
        int[] min = new int[qis.length];
        int[] max = new int[qis.length];
        for (int d = 0; d < qis.length; d++) {
            min[d] = qis[d].min;
            max[d] = qis[d].max;
        }
        this.lattice = new Lattice(min, max);
        this.loss = new LossFunction(request.metric(), qis, rows);
        if (sensitive.length == 0) {
            rowTuple = null;
            tupleValues = new int[0][];
        } else {
            TupleEncoding tuples = TupleEncoding.of(sensitive, rows);
            rowTuple = tuples.rowTuple();
            tupleValues = tuples.tupleValues();
        }
    }

    /**
     * The same problem with k-anonymity only: its solutions include every solution of this one,
     * at no more loss, since the sensitive models can only suppress more. A cheap first test.
     */
    Problem withoutSensitiveModels() {
        return new Problem(request, qis, new SensitiveColumn[0], new BoundModel[0], k);
    }

    /**
     * How many records each model alone suppresses at the coarsest node allowed, where the
     * monotone ones suppress least, by the model's description; for saying why nothing passed.
     */
    Map<String, Long> suppressedAloneAtTop() {
        int[] top = lattice.levels(lattice.top());
        Map<String, Long> suppressed = new LinkedHashMap<>();
        if (k > 1) {
            suppressed.put(
                    new KAnonymity(k).describe(), withoutSensitiveModels().suppressedAt(top));
        }
        for (BoundModel model : models) {
            Problem alone = new Problem(request, qis, sensitive, new BoundModel[] {model}, 1);
            suppressed.put(model.model().describe(), alone.suppressedAt(top));
        }
        return suppressed;
    }

    /** Records the models suppress at a node. */
    long suppressedAt(int[] levels) {
        return classify(levels, true).suppressedRecords();
    }

    /** Checks the request against its table and encodes it; errors name the column or value. */
    public static Problem encode(AnonymizationRequest request) {
        Table table = request.table();
        if (table.rowCount() == 0) {
            throw new AnonymizationException("the table has no rows");
        }
        checkHierarchyColumns(request);
        List<QuasiIdentifier> qis = new ArrayList<>();
        for (String name : table.columnsWith(Role.QUASI_IDENTIFYING)) {
            Hierarchy hierarchy = request.hierarchies().get(name);
            if (hierarchy == null) {
                throw new AnonymizationException("quasi-identifier '" + name + "' has no hierarchy");
            }
            qis.add(QuasiIdentifier.encode(
                    table, table.indexOf(name), hierarchy, request.levels().get(name)));
        }
        for (String name : request.levels().keySet()) {
            if (table.column(name).spec().role() != Role.QUASI_IDENTIFYING) {
                throw new AnonymizationException(
                        "generalization levels given for column '" + name + "', which is not quasi-identifying");
            }
        }
        if (qis.isEmpty() && table.columnsWith(Role.SET_VALUED).isEmpty()) {
            throw new AnonymizationException("no quasi-identifying or set-valued column: nothing to"
                    + " anonymize (columns: " + String.join(", ", table.columnNames()) + ")");
        }
        int k = 1;
        Map<String, SensitiveColumn> sensitive = new LinkedHashMap<>();
        List<BoundModel> bound = new ArrayList<>();
        List<String> kmColumns = new ArrayList<>();
        for (PrivacyModel model : request.models()) {
            if (model instanceof KAnonymity kAnonymity) {
                if (kAnonymity.k() > table.rowCount()) {
                    throw new AnonymizationException("impossible: " + model.describe() + " needs at least "
                            + kAnonymity.k() + " records but the table has " + table.rowCount());
                }
                k = Math.max(k, kAnonymity.k());
            } else if (model instanceof SensitiveModel sensitiveModel) {
                SensitiveColumn column = sensitive.computeIfAbsent(
                        sensitiveModel.column(), name -> sensitiveColumn(request, sensitiveModel));
                if (sensitiveModel.needsHierarchy() && !column.domain().hasHierarchy()) {
                    throw new AnonymizationException(
                            model.describe() + " needs a hierarchy for column '" + column.name() + "'");
                }
                checkFeasible(sensitiveModel, column, request.suppressionLimit());
                int index = new ArrayList<>(sensitive.keySet()).indexOf(column.name());
                boolean monotone = request.suppressionLimit() == 0 || sensitiveModel.monotoneWithSuppression();
                bound.add(new BoundModel(sensitiveModel, index, monotone));
            } else if (model instanceof KmAnonymity km) {
                checkSetValued(table, km);
                if (km.k() > table.rowCount()) {
                    throw new AnonymizationException("impossible: " + model.describe() + " needs at least " + km.k()
                            + " records but the table has " + table.rowCount());
                }
                kmColumns.add(km.column());
            }
        }
        for (String name : table.columnsWith(Role.SET_VALUED)) {
            if (!kmColumns.contains(name)) {
                throw new AnonymizationException("set-valued column '" + name + "' has no (k,m)-anonymity"
                        + " model; add one (e.g. km-anonymity with k and m) or give the column another role");
            }
        }
        return new Problem(
                request,
                qis.toArray(QuasiIdentifier[]::new),
                sensitive.values().toArray(SensitiveColumn[]::new),
                bound.toArray(BoundModel[]::new),
                k);
    }

    private static void checkHierarchyColumns(AnonymizationRequest request) {
        for (String name : request.hierarchies().keySet()) {
            Role role = request.table().column(name).spec().role();
            if (role == Role.IDENTIFYING || role == Role.INSENSITIVE) {
                throw new AnonymizationException("a hierarchy is given for column '" + name + "', which is "
                        + role.label() + "; only quasi-identifying,"
                        + " sensitive and set-valued columns use hierarchies");
            }
        }
    }

    private static void checkSetValued(Table table, KmAnonymity model) {
        ColumnSpec spec = table.column(model.column()).spec();
        if (spec.role() != Role.SET_VALUED) {
            throw new AnonymizationException(model.describe() + ": column '" + model.column() + "' is "
                    + spec.role().label()
                    + ", not set-valued");
        }
    }

    private static SensitiveColumn sensitiveColumn(AnonymizationRequest request, SensitiveModel model) {
        Table table = request.table();
        ColumnSpec spec = table.column(model.column()).spec();
        if (spec.role() != Role.SENSITIVE) {
            throw new AnonymizationException(model.describe() + ": column '" + model.column() + "' is "
                    + spec.role().label()
                    + ", not sensitive");
        }
        ValueColumn values = (ValueColumn) table.column(model.column());
        int[] rows = values.codes();
        long[] counts = new long[values.distinctValues()];
        for (int code : rows) {
            counts[code]++;
        }
        Hierarchy hierarchy = request.hierarchies().get(model.column());
        SensitiveDomain domain = hierarchy == null
                ? SensitiveDomain.of(counts)
                : SensitiveDomain.of(
                        counts,
                        QuasiIdentifier.encode(table, values, rows, hierarchy).codes());
        return new SensitiveColumn(model.column(), values, rows, counts, domain);
    }

    // A monotone model the whole table fails as one class fails in some class of every node; then
    // only suppressing every record would do. A non-monotone one may still hold on some classes.
    private static void checkFeasible(SensitiveModel model, SensitiveColumn column, double limit) {
        if (!(limit == 0 || model.monotoneWithSuppression() && limit < 1)) {
            return;
        }
        ClassDistribution whole = new ClassDistribution(column.domain());
        for (int code = 0; code < column.counts().length; code++) {
            whole.add(code, (int) column.counts()[code]);
        }
        if (!model.holds(whole)) {
            throw new AnonymizationException("impossible: " + model.describe() + " fails even with all "
                    + column.rows().length + " records in one class (column '" + column.name() + "' has "
                    + column.values().distinctValues() + " distinct value"
                    + (column.values().distinctValues() == 1 ? "" : "s") + ")");
        }
    }

    /**
     * Sorts the rows into the classes of a transformation; with {@code applyModels} the classes
     * failing a model are suppressed, as the search counted them.
     */
    public Classification classify(int[] levels, boolean applyModels) {
        Evaluator evaluator = new Evaluator(this);
        Cells rowCells = evaluator.rowCells();
        int classes = evaluator.group(levels, rowCells);
        boolean[] suppressed = new boolean[classes];
        if (applyModels) {
            evaluator.classify(classes, rowCells);
            System.arraycopy(evaluator.failing(), 0, suppressed, 0, classes);
        }
        int[] sizes = java.util.Arrays.copyOf(evaluator.sizes(), classes);
        int[] first = java.util.Arrays.copyOf(evaluator.firsts(), classes);
        int[] rowClass = java.util.Arrays.copyOf(evaluator.classOf(), rows);
        double[] losses = new double[Metric.values().length];
        for (Metric metric : Metric.values()) {
            LossFunction function = metric == request.metric() ? loss : new LossFunction(metric, qis, rows);
            losses[metric.ordinal()] = function.exact(levels, classes, sizes, first, rowCells.rep, suppressed);
        }
        InformationLoss information = new InformationLoss(
                losses[Metric.LOSS.ordinal()],
                losses[Metric.PRECISION.ordinal()],
                losses[Metric.NON_UNIFORM_ENTROPY.ordinal()],
                losses[Metric.DISCERNIBILITY.ordinal()],
                losses[Metric.AVERAGE_CLASS_SIZE.ordinal()]);
        return new Classification(rowClass, sizes, suppressed, information);
    }

    /** The levels of the untouched table: every quasi-identifier at level 0. */
    public int[] originalLevels() {
        return new int[qis.length];
    }

    /**
     * Quasi-identifier d as released at a level: each value replaced by its label, and
     * {@code *} in the rows the classification suppresses.
     */
    public ValueColumn generalizedColumn(int d, int level, Classification classification) {
        QuasiIdentifier qi = qis[d];
        String[] labels = java.util.Arrays.copyOf(qi.labels[level], qi.labels[level].length + 1);
        int star = labels.length - 1;
        labels[star] = SUPPRESSED;
        int[] label = qi.generalized[level];
        int[] codes = new int[rows];
        for (int row = 0; row < rows; row++) {
            codes[row] = classification.isSuppressed(row) ? star : label[qi.rows[row]];
        }
        ColumnSpec spec = request.table().column(qi.column).spec();
        return ValueColumn.of(new ColumnSpec(spec.name(), ColumnType.STRING, spec.role()), labels, codes);
    }

    public int rows() {
        return rows;
    }

    /** Number of nodes in the generalization lattice. */
    public long latticeSize() {
        return lattice.size();
    }

    public List<String> quasiIdentifiers() {
        List<String> names = new ArrayList<>(qis.length);
        for (QuasiIdentifier qi : qis) {
            names.add(qi.name);
        }
        return names;
    }

    /** Number of levels of each quasi-identifier's hierarchy, in the order of {@link #quasiIdentifiers}. */
    public int[] hierarchyLevels() {
        int[] levels = new int[qis.length];
        for (int d = 0; d < qis.length; d++) {
            levels[d] = qis[d].levels();
        }
        return levels;
    }
}
