package jp.kenpo.privacy.anonymizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.SetColumn;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the random table and models, the released table shows each row as the
 * chosen transformation and the definitions say (its labels, or * when its class fails a
 * model), satisfies every model when recounted, and every reported measure of the input and
 * the output matches a recount.
 */
class GuaranteeTest {

    static LongStream seeds() {
        return LongStream.range(1000, 1400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void outputSatisfiesEveryModelAndTheMeasuresMatchARecount(long seed) {
        AnonymizationRequest request = RandomTables.request(seed, true);
        Reference reference = new Reference(request);
        if (Double.isNaN(reference.optimum())) {
            assertThatThrownBy(() -> Anonymizer.anonymize(request)).isInstanceOf(AnonymizationException.class);
            return;
        }
        AnonymizationResult result = Anonymizer.anonymize(request);
        Table output = result.output();
        Table input = request.table();
        List<String> quasi = input.columnsWith(Role.QUASI_IDENTIFYING);
        List<Integer> levels = result.search().levels();
        // which rows are suppressed, from the definitions: in the output a suppressed row and a row
        // generalized to * in every quasi-identifier look alike
        Set<Integer> suppressed = reference.group(levels, true).suppressed();

        assertThat(output.columnNames()).doesNotContainAnyElementsOf(input.columnsWith(Role.IDENTIFYING));
        assertThat(output.rowCount()).isEqualTo(input.rowCount());
        for (int r = 0; r < output.rowCount(); r++) {
            for (int q = 0; q < quasi.size(); q++) {
                assertThat(output.text(r, output.indexOf(quasi.get(q))))
                        .as("row %d, %s", r, quasi.get(q))
                        .isEqualTo(suppressed.contains(r) ? "*" : reference.label(quasi.get(q), r, levels.get(q)));
            }
            for (String column : output.columnNames()) {
                Role role = input.column(column).spec().role();
                if (role == Role.SENSITIVE || role == Role.INSENSITIVE) {
                    assertThat(output.text(r, output.indexOf(column))).isEqualTo(input.text(r, input.indexOf(column)));
                }
            }
        }
        // the released rows grouped by what they show: the relational models hold in every group
        Map<List<String>, List<Integer>> shown = new LinkedHashMap<>();
        for (int r = 0; r < output.rowCount(); r++) {
            if (!suppressed.contains(r)) {
                List<String> key = new ArrayList<>();
                for (String column : quasi) {
                    key.add(output.text(r, output.indexOf(column)));
                }
                shown.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<List<String>, List<Integer>> entry : shown.entrySet()) {
            assertThat(reference.holds(entry.getValue()))
                    .as("class %s of %s", entry.getKey(), request.models())
                    .isTrue();
        }
        long limit = (long) Math.floor(request.suppressionLimit() * input.rowCount() + 1e-9);
        assertThat(result.after().classes().suppressed()).isLessThanOrEqualTo(limit);
        Recount.assertReportedMeasures(reference, request, result);
        for (PrivacyModel model : request.models()) {
            if (model instanceof KmAnonymity km) {
                assertKmAnonymous(output, km, result.setValued(), suppressed);
            }
        }
    }

    private static void assertKmAnonymous(
            Table output, KmAnonymity km, List<KmResult> results, Set<Integer> suppressed) {
        SetColumn column = (SetColumn) output.column(km.column());
        Map<List<String>, Integer> support = new HashMap<>();
        for (int r = 0; r < output.rowCount(); r++) {
            List<String> items = column.items(r);
            if (suppressed.contains(r)) {
                assertThat(items).as("items of suppressed row %d", r).containsExactly("*");
                continue;
            }
            List<String> sorted = items.stream().distinct().sorted().toList();
            subsets(sorted, 0, new ArrayList<>(), km.m(), support);
        }
        for (Map.Entry<List<String>, Integer> entry : support.entrySet()) {
            assertThat(entry.getValue()).as("support of %s", entry.getKey()).isGreaterThanOrEqualTo(km.k());
        }
        KmResult result = results.stream()
                .filter(r -> r.column().equals(km.column()))
                .findFirst()
                .orElseThrow();
        assertThat(result.violationsAfter()).isZero();
        if (!support.isEmpty()) {
            assertThat(result.smallestSupportAfter())
                    .isEqualTo(support.values().stream()
                            .mapToInt(Integer::intValue)
                            .min()
                            .orElseThrow());
        }
    }

    private static void subsets(
            List<String> items, int from, List<String> prefix, int m, Map<List<String>, Integer> support) {
        for (int i = from; i < items.size(); i++) {
            prefix.add(items.get(i));
            support.merge(List.copyOf(prefix), 1, Integer::sum);
            if (prefix.size() < m) {
                subsets(items, i + 1, prefix, m, support);
            }
            prefix.remove(prefix.size() - 1);
        }
    }
}
