package jp.kenpo.privacy.release;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
import jp.kenpo.privacy.anonymizer.Anonymizer;
import jp.kenpo.privacy.anonymizer.Generalization;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.TableBuilder;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import jp.kenpo.privacy.anonymizer.setvalued.KmAnonymizer;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/**
 * Rule 34(5) on the persons: their quasi-identifiers (sex, birth month, insured/dependent,
 * enrolment and withdrawal months) go through the anonymizer's optimal search with k-anonymity
 * and the spec's suppression limit, and their sets of diagnoses through (k,m)-anonymity. The
 * search runs without a time budget, so that the same persons always give the same optimum.
 */
final class PersonClasses {

    static final List<String> QUASI = List.of("sex", "birth_month", "kind", "enrolled", "withdrawn");
    static final String DIAGNOSES = "diagnoses";

    /** One person's quasi-identifiers at level 0 and their diagnosis labels. */
    record Person(
            long memberId, String sex, String birth, String kind, String enrolled, String withdrawn, String diagnoses) {

        String[] quasi() {
            return new String[] {sex, birth, kind, enrolled, withdrawn};
        }
    }

    /** The outcome: who is released with which generalised values, the levels chosen and the measures. */
    record Outcome(
            List<Person> persons,
            boolean[] released,
            String[][] values,
            Map<String, Integer> levels,
            AnonymizationResult result,
            Optional<KmResult> diagnoses,
            Hierarchy diagnosisHierarchy) {

        int level(String column) {
            return levels.getOrDefault(column, 0);
        }

        long releasedCount() {
            long n = 0;
            for (boolean r : released) {
                if (r) {
                    n++;
                }
            }
            return n;
        }
    }

    private PersonClasses() {}

    static Outcome anonymize(
            List<Person> persons, DiagnosisCodes codes, ReleaseSpec.Thresholds t, boolean withDiagnoses) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (String q : QUASI) {
            specs.add(new ColumnSpec(q, ColumnType.STRING, Role.QUASI_IDENTIFYING));
        }
        if (withDiagnoses) {
            specs.add(new ColumnSpec(DIAGNOSES, ColumnType.STRING, Role.SET_VALUED));
        }
        TableBuilder builder = Table.builder(specs);
        List<String> births = new ArrayList<>();
        List<String> enrolled = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        for (Person p : persons) {
            births.add(p.birth());
            enrolled.add(p.enrolled());
            withdrawn.add(p.withdrawn());
            if (withDiagnoses) {
                builder.row(p.sex(), p.birth(), p.kind(), p.enrolled(), p.withdrawn(), p.diagnoses());
            } else {
                builder.row(p.sex(), p.birth(), p.kind(), p.enrolled(), p.withdrawn());
            }
        }
        Table table = builder.build();
        Hierarchy diagnosisHierarchy = codes.hierarchy();
        AnonymizationRequest.Builder request = AnonymizationRequest.builder(table)
                .hierarchy("sex", flat("sex", List.of("1", "2")))
                .hierarchy("birth_month", MonthLevels.hierarchy("birth_month", births, true))
                .hierarchy("kind", flat("kind", List.of("本人", "家族")))
                .hierarchy("enrolled", MonthLevels.hierarchy("enrolled", enrolled, false))
                .hierarchy("withdrawn", MonthLevels.hierarchy("withdrawn", withdrawn, false))
                .model(new KAnonymity(t.k()))
                .suppressionLimit(t.suppression())
                .metric(Metric.LOSS)
                .riskThreshold(1.0 / t.k())
                .search(SearchOptions.DEFAULT.withTimeBudget(Duration.ZERO));
        if (withDiagnoses) {
            request.hierarchy(DIAGNOSES, diagnosisHierarchy)
                    .model(new KmAnonymity(DIAGNOSES, t.diagnosesK(), t.diagnosesM()));
        }
        AnonymizationResult result = Anonymizer.anonymize(request.build());
        Map<String, Integer> levels = new HashMap<>();
        boolean allTop = true;
        for (Generalization g : result.transformation()) {
            levels.put(g.column(), g.level());
            allTop &= g.level() == g.levels() - 1;
        }
        Table out = result.output();
        int[] columns = QUASI.stream().mapToInt(out::indexOf).toArray();
        boolean[] released = new boolean[persons.size()];
        String[][] values = new String[persons.size()][];
        for (int row = 0; row < persons.size(); row++) {
            String[] v = new String[QUASI.size()];
            boolean everyTop = true;
            for (int q = 0; q < v.length; q++) {
                v[q] = out.text(row, columns[q]);
                everyTop &= v[q].equals(MonthLevels.TOP);
            }
            values[row] = v;
            // a suppressed record shows * everywhere; unless * is what the search chose for all
            released[row] = allTop || !everyTop;
        }
        Optional<KmResult> km = result.setValued().stream().findFirst();
        return new Outcome(List.copyOf(persons), released, values, levels, result, km, diagnosisHierarchy);
    }

    /**
     * The diagnoses' (k,m)-anonymity once a check after the search has changed who is released
     * (Rule 34(5)): the search's result rechecked over the persons {@code released} holds, at the
     * level it chose and with the items it removed, so that no itemset is left to fewer than k of
     * them. Empty when the search released no diagnoses.
     */
    static Optional<KmResult> diagnosesOf(Outcome searched, boolean[] released, ReleaseSpec.Thresholds t) {
        if (searched.diagnoses().isEmpty()) {
            return Optional.empty();
        }
        TableBuilder builder = Table.builder(List.of(new ColumnSpec(DIAGNOSES, ColumnType.STRING, Role.SET_VALUED)));
        searched.persons().forEach(p -> builder.row(p.diagnoses()));
        KmAnonymizer.Outcome rechecked = KmAnonymizer.recheck(
                builder.build(),
                new KmAnonymity(DIAGNOSES, t.diagnosesK(), t.diagnosesM()),
                searched.diagnosisHierarchy(),
                row -> !released[row],
                searched.diagnoses().get());
        return Optional.of(rechecked.result());
    }

    private static Hierarchy flat(String name, List<String> values) {
        List<String[]> rows = new ArrayList<>();
        values.forEach(v -> rows.add(new String[] {v, MonthLevels.TOP}));
        return Hierarchy.of(name, rows);
    }
}
