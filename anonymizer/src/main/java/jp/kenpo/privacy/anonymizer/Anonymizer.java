package jp.kenpo.privacy.anonymizer;

import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.anonymizer.data.Column;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.model.SensitiveModel;
import jp.kenpo.privacy.anonymizer.search.Classification;
import jp.kenpo.privacy.anonymizer.search.Problem;
import jp.kenpo.privacy.anonymizer.search.Search;
import jp.kenpo.privacy.anonymizer.search.SearchResult;
import jp.kenpo.privacy.anonymizer.setvalued.KmAnonymizer;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/**
 * The engine's entry point: checks a request, searches the optimal transformation, applies it
 * and measures the input and the output.
 *
 * <pre>{@code
 * AnonymizationResult result = Anonymizer.anonymize(AnonymizationRequest.builder(table)
 *     .hierarchy("age", HierarchyCsv.read(Path.of("age.csv")))
 *     .model(new KAnonymity(5))
 *     .suppressionLimit(0.02)
 *     .build());
 * }</pre>
 */
public final class Anonymizer {

    private Anonymizer() {}

    public static AnonymizationResult anonymize(AnonymizationRequest request) {
        Problem problem = Problem.encode(request);
        SearchResult found = Search.run(problem);
        Table table = request.table();
        int[] levels = found.levelArray();
        Classification original = problem.classify(problem.originalLevels(), false);
        Classification chosen = problem.classify(levels, true);

        List<Column> columns = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<KmResult> setValued = new ArrayList<>();
        List<String> names = problem.quasiIdentifiers();
        for (Column column : table.columns()) {
            String name = column.spec().name();
            switch (column.spec().role()) {
                // PPC rules Art. 34 (1), (2): identifying descriptions and codes are deleted outright
                case IDENTIFYING -> removed.add(name);
                case QUASI_IDENTIFYING -> {
                    int d = names.indexOf(name);
                    columns.add(problem.generalizedColumn(d, levels[d], chosen));
                }
                case SET_VALUED -> {
                    KmAnonymizer.Outcome outcome = KmAnonymizer.anonymize(
                            table, kmModel(request, name), request.hierarchies().get(name), chosen::isSuppressed);
                    columns.add(outcome.column());
                    setValued.add(outcome.result());
                }
                default -> columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            throw new AnonymizationException("every column is identifying: nothing would be released");
        }
        List<Generalization> transformation = new ArrayList<>();
        int[] hierarchyLevels = problem.hierarchyLevels();
        for (int d = 0; d < levels.length; d++) {
            transformation.add(new Generalization(names.get(d), levels[d], hierarchyLevels[d]));
        }
        double threshold = request.riskThreshold();
        Measures before = Measures.of(original.releasedClassSizes(), 0, original.informationLoss(), threshold);
        Measures after = Measures.of(
                chosen.releasedClassSizes(), chosen.suppressedRecords(), chosen.informationLoss(), threshold);
        return new AnonymizationResult(
                Table.of(columns), transformation, found, before, after, setValued, removed, warnings(request));
    }

    private static KmAnonymity kmModel(AnonymizationRequest request, String column) {
        for (PrivacyModel model : request.models()) {
            if (model instanceof KmAnonymity km && km.column().equals(column)) {
                return km;
            }
        }
        throw new IllegalStateException("no (k,m)-anonymity model for '" + column + "'");
    }

    private static List<String> warnings(AnonymizationRequest request) {
        List<String> warnings = new ArrayList<>();
        for (String column : request.table().columnsWith(Role.SENSITIVE)) {
            boolean protectedColumn = request.models().stream()
                    .anyMatch(model -> model instanceof SensitiveModel sensitive
                            && sensitive.column().equals(column));
            if (!protectedColumn) {
                warnings.add("sensitive column '" + column + "' is released as is: no l-diversity or"
                        + " t-closeness model protects it");
            }
        }
        return warnings;
    }
}
