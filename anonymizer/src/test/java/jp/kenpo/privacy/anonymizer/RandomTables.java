package jp.kenpo.privacy.anonymizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.TableBuilder;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.DistinctLDiversity;
import jp.kenpo.privacy.anonymizer.model.EntropyLDiversity;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.RecursiveCLDiversity;
import jp.kenpo.privacy.anonymizer.model.TCloseness;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;

/**
 * Random small tables with random valid hierarchies and random model combinations, for the
 * property and brute-force tests. Skewed value frequencies make rare combinations common.
 */
final class RandomTables {

  private RandomTables() {
  }

  /** A random request over a table of quasi-identifiers q0.., sensitive s, maybe items. */
  static AnonymizationRequest request(long seed, boolean withItems) {
    Random random = new Random(seed);
    int quasi = 1 + random.nextInt(3);
    int rows = 8 + random.nextInt(120);
    List<ColumnSpec> specs = new ArrayList<>();
    specs.add(ColumnSpec.of("id", Role.IDENTIFYING));
    for (int q = 0; q < quasi; q++) {
      specs.add(ColumnSpec.of("q" + q, Role.QUASI_IDENTIFYING));
    }
    specs.add(ColumnSpec.of("s", Role.SENSITIVE));
    specs.add(ColumnSpec.of("note", Role.INSENSITIVE));
    if (withItems) {
      specs.add(ColumnSpec.of("items", Role.SET_VALUED));
    }
    int[] domain = new int[quasi];
    for (int q = 0; q < quasi; q++) {
      domain[q] = 2 + random.nextInt(7);
    }
    int sensitiveDomain = 1 + random.nextInt(5);
    TableBuilder builder = Table.builder(specs);
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>();
      row.add("p" + r);
      for (int q = 0; q < quasi; q++) {
        row.add("v" + skewed(random, domain[q]));
      }
      row.add("s" + skewed(random, sensitiveDomain));
      row.add("n" + random.nextInt(3));
      if (withItems) {
        StringBuilder items = new StringBuilder();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          items.append(i == 0 ? "" : "|").append((char) ('A' + skewed(random, 4)))
              .append(skewed(random, 5));
        }
        row.add(items.toString());
      }
      builder.row(row.toArray(String[]::new));
    }
    Table table = builder.build();
    AnonymizationRequest.Builder request = AnonymizationRequest.builder(table);
    Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
    for (int q = 0; q < quasi; q++) {
      hierarchies.put("q" + q, hierarchy(random, "q" + q, "v", domain[q]));
    }
    // a sensitive hierarchy may stop below a common top: the hierarchical distance must join them
    hierarchies.put("s", hierarchy(random, "s", "s", Math.max(sensitiveDomain, 1), random.nextInt(3) > 0));
    if (withItems) {
      hierarchies.put("items", itemHierarchy());
    }
    hierarchies.forEach(request::hierarchy);
    if (random.nextInt(4) == 0) {
      int q = random.nextInt(quasi);
      int levels = hierarchies.get("q" + q).levels();
      int min = random.nextInt(levels);
      request.levels("q" + q, min, min + random.nextInt(levels - min));
    }
    request.model(new KAnonymity(1 + random.nextInt(5)));
    switch (random.nextInt(6)) {
      case 1 -> request.model(new DistinctLDiversity("s", 1 + random.nextInt(3)));
      case 2 -> request.model(new EntropyLDiversity("s", 1 + random.nextDouble() * 2));
      case 3 -> request.model(new RecursiveCLDiversity("s", 1 + random.nextInt(4), 2));
      case 4 -> request.model(new TCloseness("s", 0.1 + random.nextDouble() * 0.5,
          TCloseness.Distance.EQUAL));
      case 5 -> request.model(new TCloseness("s", 0.1 + random.nextDouble() * 0.5,
          TCloseness.Distance.HIERARCHICAL));
      default -> { }
    }
    if (withItems) {
      request.model(new KmAnonymity("items", 2 + random.nextInt(3), 1 + random.nextInt(2)));
    }
    double[] limits = {0, 0, 0.05, 0.1, 0.3};
    request.suppressionLimit(limits[random.nextInt(limits.length)]);
    request.metric(Metric.values()[random.nextInt(Metric.values().length)]);
    request.search(SearchOptions.DEFAULT);
    return request.build();
  }

  private static int skewed(Random random, int size) {
    // roughly geometric: value 0 most common, the last ones rare
    int value = 0;
    while (value < size - 1 && random.nextDouble() < 0.55) {
      value++;
    }
    return value;
  }

  /** A random hierarchy over prefix0..prefix(size-1): random groupings up to {@code *}. */
  static Hierarchy hierarchy(Random random, String name, String prefix, int size) {
    return hierarchy(random, name, prefix, size, true);
  }

  /** The same, with {@code *} above the groupings only when {@code top} is set. */
  static Hierarchy hierarchy(Random random, String name, String prefix, int size, boolean top) {
    int extra = random.nextInt(3); // levels between the values and *
    List<String[]> rows = new ArrayList<>();
    int[][] group = new int[extra][size];
    int groups = size;
    for (int level = 0; level < extra; level++) {
      int coarser = Math.max(1, groups / 2 + random.nextInt(2));
      int[] parent = new int[groups];
      for (int g = 0; g < groups; g++) {
        parent[g] = Math.min(coarser - 1, g * coarser / groups);
      }
      for (int v = 0; v < size; v++) {
        int below = level == 0 ? v : group[level - 1][v];
        group[level][v] = parent[below];
      }
      groups = coarser;
    }
    for (int v = 0; v < size; v++) {
      String[] row = new String[extra + (top ? 2 : 1)];
      row[0] = prefix + v;
      for (int level = 0; level < extra; level++) {
        row[level + 1] = "L" + (level + 1) + "g" + group[level][v];
      }
      if (top) {
        row[extra + 1] = "*";
      }
      rows.add(row);
    }
    return Hierarchy.of(name, rows);
  }

  /** Items A0..D4 → letter → *. */
  static Hierarchy itemHierarchy() {
    List<String[]> rows = new ArrayList<>();
    for (char letter = 'A'; letter <= 'D'; letter++) {
      for (int n = 0; n < 5; n++) {
        rows.add(new String[] {"" + letter + n, "" + letter, "*"});
      }
    }
    return Hierarchy.of("items", rows);
  }
}
