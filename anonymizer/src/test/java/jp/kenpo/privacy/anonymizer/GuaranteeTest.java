package jp.kenpo.privacy.anonymizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.SetColumn;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the random table and models, the released table satisfies every model
 * when recounted from the output alone, and every reported class size and risk matches the
 * recount.
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

    assertThat(output.columnNames()).doesNotContainAnyElementsOf(input.columnsWith(Role.IDENTIFYING));
    assertThat(output.rowCount()).isEqualTo(input.rowCount());
    List<String> quasi = input.columnsWith(Role.QUASI_IDENTIFYING);

    // group the output rows by what they show
    Map<List<String>, List<Integer>> shown = new LinkedHashMap<>();
    for (int r = 0; r < output.rowCount(); r++) {
      List<String> key = new ArrayList<>();
      for (String column : quasi) {
        key.add(output.text(r, output.indexOf(column)));
      }
      shown.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    List<String> allStars = java.util.Collections.nCopies(quasi.size(), "*");
    boolean everythingAtTop = result.transformation().stream().allMatch(g -> g.level() == g.levels() - 1);
    long suppressed = shown.getOrDefault(allStars, List.of()).size();
    List<Long> sizes = new ArrayList<>();
    for (Map.Entry<List<String>, List<Integer>> entry : shown.entrySet()) {
      if (entry.getKey().equals(allStars)) {
        continue; // suppressed records match everyone and form no class
      }
      // the relational models hold in every released class
      assertThat(reference.holds(entry.getValue()))
          .as("class %s of %s", entry.getKey(), request.models()).isTrue();
      sizes.add((long) entry.getValue().size());
    }
    long limit = (long) Math.floor(request.suppressionLimit() * input.rowCount() + 1e-9);
    assertThat(result.after().classes().suppressed()).isLessThanOrEqualTo(limit);
    if (!everythingAtTop) {
      assertThat(suppressed).isEqualTo(result.after().classes().suppressed());
      assertMeasuresMatch(result.after(), sizes, suppressed, request.riskThreshold());
    }
    for (PrivacyModel model : request.models()) {
      if (model instanceof KmAnonymity km) {
        assertKmAnonymous(output, km, result.setValued());
      }
    }
  }

  private static void assertMeasuresMatch(Measures measures, List<Long> sizes, long suppressed,
      double threshold) {
    long released = sizes.stream().mapToLong(Long::longValue).sum();
    assertThat(measures.classes().classes()).isEqualTo(sizes.size());
    assertThat(measures.classes().records()).isEqualTo(released + suppressed);
    if (sizes.isEmpty()) {
      return;
    }
    long smallest = sizes.stream().mapToLong(Long::longValue).min().orElseThrow();
    assertThat(measures.classes().smallest()).isEqualTo(smallest);
    assertThat(measures.classes().largest()).isEqualTo(sizes.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(measures.classes().average()).isCloseTo((double) released / sizes.size(), within(1e-9));
    assertThat(measures.risk().highest()).isCloseTo(1.0 / smallest, within(1e-12));
    double average = 0;
    long above = 0;
    long uniques = 0;
    for (long size : sizes) {
      average += size * (1.0 / size);
      if (1.0 / size > threshold) {
        above += size;
      }
      if (size == 1) {
        uniques++;
      }
    }
    assertThat(measures.risk().average()).isCloseTo(average / released, within(1e-12));
    assertThat(measures.risk().recordsAboveThreshold()).isEqualTo(above);
    assertThat(measures.risk().sampleUniques()).isEqualTo(uniques);
    long bucketed = measures.classes().distribution().stream().mapToLong(b -> b.classes()).sum();
    assertThat(bucketed).isEqualTo(sizes.size());
  }

  private static void assertKmAnonymous(Table output, KmAnonymity km, List<KmResult> results) {
    SetColumn column = (SetColumn) output.column(km.column());
    Map<List<String>, Integer> support = new HashMap<>();
    for (int r = 0; r < output.rowCount(); r++) {
      List<String> items = column.items(r);
      if (items.equals(List.of("*"))) {
        continue; // a suppressed record
      }
      List<String> sorted = items.stream().distinct().sorted().toList();
      subsets(sorted, 0, new ArrayList<>(), km.m(), support);
    }
    for (Map.Entry<List<String>, Integer> entry : support.entrySet()) {
      assertThat(entry.getValue()).as("support of %s", entry.getKey()).isGreaterThanOrEqualTo(km.k());
    }
    KmResult result = results.stream().filter(r -> r.column().equals(km.column())).findFirst().orElseThrow();
    assertThat(result.violationsAfter()).isZero();
    if (!support.isEmpty()) {
      assertThat(result.smallestSupportAfter())
          .isEqualTo(support.values().stream().mapToInt(Integer::intValue).min().orElseThrow());
    }
  }

  private static void subsets(List<String> items, int from, List<String> prefix, int m,
      Map<List<String>, Integer> support) {
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
