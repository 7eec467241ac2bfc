package jp.kenpo.privacy.anonymizer.report;

import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
import jp.kenpo.privacy.anonymizer.Generalization;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/**
 * The release report of one anonymization: what went in, which models and transformation were
 * applied, the measures before and after, and how each processing standard of PPC rules Art. 34
 * (匿名加工情報の作成の方法に関する基準) was met. Written as report.json and report.html.
 */
public record Report(
        String input,
        long rows,
        List<ColumnEntry> columns,
        List<String> models,
        double suppressionLimit,
        String metric,
        double riskThreshold,
        List<Generalization> transformation,
        SearchSummary search,
        Measures before,
        Measures after,
        List<KmResult> setValued,
        List<String> removedColumns,
        List<Standard> processingStandards,
        List<String> warnings) {

    /** A column, its role and where its hierarchy came from (null when it has none). */
    public record ColumnEntry(String name, String type, String role, String hierarchy) {}

    /**
     * The search's account: method, whether the optimum is proven, effort and time, and the time
     * budget it had (0 for none).
     */
    public record SearchSummary(
            String method,
            boolean optimal,
            double loss,
            long latticeSize,
            long nodesEvaluated,
            long milliseconds,
            long timeBudgetMilliseconds) {

        /** One line for people, e.g. "exact, optimum proven, 3 of 8 nodes evaluated in 2 ms (…)". */
        public String describe() {
            return method + ", " + (optimal ? "optimum proven" : "best found within the time budget") + ", "
                    + nodesEvaluated + " of " + latticeSize + " nodes evaluated in " + milliseconds + " ms ("
                    + (timeBudgetMilliseconds == 0
                            ? "no time budget"
                            : "time budget " + format(timeBudgetMilliseconds / 1000.0) + " s")
                    + ")";
        }
    }

    /** One measure of the input and of the output, for the tables people read. */
    public record MeasureRow(String label, double input, double output) {}

    /** The measures of {@link #before} and {@link #after} side by side, in reading order. */
    public List<MeasureRow> measureRows() {
        Measures in = before;
        Measures out = after;
        return List.of(
                new MeasureRow(
                        "records suppressed",
                        in.classes().suppressed(),
                        out.classes().suppressed()),
                new MeasureRow(
                        "equivalence classes",
                        in.classes().classes(),
                        out.classes().classes()),
                new MeasureRow(
                        "smallest class", in.classes().smallest(), out.classes().smallest()),
                new MeasureRow(
                        "average class size",
                        in.classes().average(),
                        out.classes().average()),
                new MeasureRow(
                        "highest risk (prosecutor)",
                        in.risk().highest(),
                        out.risk().highest()),
                new MeasureRow("average risk", in.risk().average(), out.risk().average()),
                new MeasureRow(
                        "records above risk " + out.risk().threshold(),
                        in.risk().recordsAboveThreshold(),
                        out.risk().recordsAboveThreshold()),
                new MeasureRow(
                        "share above risk " + out.risk().threshold(),
                        in.risk().shareAboveThreshold(),
                        out.risk().shareAboveThreshold()),
                new MeasureRow(
                        "sample uniques", in.risk().sampleUniques(), out.risk().sampleUniques()),
                new MeasureRow(
                        "sample unique share",
                        in.risk().sampleUniqueShare(),
                        out.risk().sampleUniqueShare()),
                new MeasureRow(
                        "loss",
                        in.informationLoss().loss(),
                        out.informationLoss().loss()),
                new MeasureRow(
                        "precision loss",
                        in.informationLoss().precisionLoss(),
                        out.informationLoss().precisionLoss()),
                new MeasureRow(
                        "non-uniform entropy",
                        in.informationLoss().nonUniformEntropy(),
                        out.informationLoss().nonUniformEntropy()),
                new MeasureRow(
                        "discernibility (share of n²)",
                        in.informationLoss().discernibility(),
                        out.informationLoss().discernibility()),
                // the metric, unlike the class sizes above, counts the suppressed records as one class
                new MeasureRow(
                        "average class size (metric)",
                        in.informationLoss().averageClassSize(),
                        out.informationLoss().averageClassSize()));
    }

    /** A number as people read it: whole numbers bare, others to four decimals. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    /** One processing standard of PPC rules Art. 34, and what this release did for it. */
    public record Standard(String article, String standard, String evidence) {}

    public static Report of(String input, AnonymizationRequest request, AnonymizationResult result) {
        List<ColumnEntry> columns = new ArrayList<>();
        for (ColumnSpec spec : request.table().specs()) {
            Hierarchy hierarchy = request.hierarchies().get(spec.name());
            columns.add(new ColumnEntry(
                    spec.name(),
                    spec.type().configName(),
                    spec.role().label(),
                    hierarchy == null ? null : hierarchy.source()));
        }
        List<String> models =
                request.models().stream().map(PrivacyModel::describe).toList();
        var search = result.search();
        return new Report(
                input,
                request.table().rowCount(),
                columns,
                models,
                request.suppressionLimit(),
                request.metric().configName(),
                request.riskThreshold(),
                result.transformation(),
                new SearchSummary(
                        search.method(),
                        search.optimal(),
                        search.loss(),
                        search.latticeSize(),
                        search.nodesEvaluated(),
                        search.elapsed().toMillis(),
                        request.search().timeBudget().toMillis()),
                result.before(),
                result.after(),
                result.setValued(),
                result.removedColumns(),
                standards(request, result, models),
                result.warnings());
    }

    private static List<Standard> standards(
            AnonymizationRequest request, AnonymizationResult result, List<String> models) {
        String removed = result.removedColumns().isEmpty()
                ? "no column has the identifying role; none was removed"
                : "columns removed: " + String.join(", ", result.removedColumns());
        StringBuilder generalized = new StringBuilder();
        for (Generalization g : result.transformation()) {
            generalized
                    .append(generalized.length() == 0 ? "" : ", ")
                    .append(g.column())
                    .append(" at level ")
                    .append(g.level())
                    .append(" of ")
                    .append(g.levels() - 1);
        }
        Measures after = result.after();
        String peculiar = "quasi-identifiers generalized (" + generalized + "); "
                + after.classes().suppressed() + " record(s) suppressed (limit "
                + Math.round(request.suppressionLimit() * 100 * 100) / 100.0 + "%)";
        for (KmResult km : result.setValued()) {
            peculiar += "; '" + km.column() + "' items generalized to level " + km.level() + " and "
                    + km.suppressedItems().size() + " rare item(s) removed";
        }
        String measures = String.join(", ", models) + "; measured prosecutor re-identification risk:"
                + " highest " + round(after.risk().highest()) + ", average "
                + round(after.risk().average())
                + ", " + round(after.risk().shareAboveThreshold() * 100) + "% of records above "
                + request.riskThreshold();
        return List.of(
                new Standard("Art. 34 (1)", "特定の個人を識別することができる記述等の削除", removed),
                new Standard("Art. 34 (2)", "個人識別符号の削除", removed),
                new Standard(
                        "Art. 34 (3)",
                        "情報を相互に連結する符号の削除",
                        "only the columns listed in this report are released; a linking code must be given"
                                + " the identifying role or be replaced before release"),
                new Standard("Art. 34 (4)", "特異な記述等の削除", peculiar),
                new Standard("Art. 34 (5)", "個人情報データベース等の性質に応じた適切な措置", measures));
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
