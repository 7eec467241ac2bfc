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
import jp.kenpo.privacy.anonymizer.model.SensitiveModel;
import jp.kenpo.privacy.anonymizer.model.TCloseness;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;

/**
 * Random small tables with random valid hierarchies and random model combinations, for the
 * property and brute-force tests. Skewed value frequencies make rare combinations common.
 */
final class RandomTables {

    private RandomTables() {}

    /**
     * A random request over a table of quasi-identifiers q0.., sensitive s (and maybe s2), maybe
     * items; any of these columns may have empty (missing) cells. Besides k, 0 to 3 sensitive
     * models on random sensitive columns.
     */
    static AnonymizationRequest request(long seed, boolean withItems) {
        Random random = new Random(seed);
        int quasi = 1 + random.nextInt(3);
        int rows = 8 + random.nextInt(120);
        List<String> sensitive = random.nextBoolean() ? List.of("s") : List.of("s", "s2");
        List<ColumnSpec> specs = new ArrayList<>();
        specs.add(ColumnSpec.of("id", Role.IDENTIFYING));
        for (int q = 0; q < quasi; q++) {
            specs.add(ColumnSpec.of("q" + q, Role.QUASI_IDENTIFYING));
        }
        for (String column : sensitive) {
            specs.add(ColumnSpec.of(column, Role.SENSITIVE));
        }
        specs.add(ColumnSpec.of("note", Role.INSENSITIVE));
        if (withItems) {
            specs.add(ColumnSpec.of("items", Role.SET_VALUED));
        }
        // per quasi-identifier then sensitive column: its number of values and its share of empty cells
        int columns = quasi + sensitive.size();
        int[] domain = new int[columns];
        double[] missing = new double[columns];
        for (int c = 0; c < columns; c++) {
            domain[c] = c < quasi ? 2 + random.nextInt(7) : 1 + random.nextInt(5);
            missing[c] = random.nextInt(3) == 0 ? 0.05 + random.nextDouble() * 0.2 : 0;
        }
        TableBuilder builder = Table.builder(specs);
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            row.add("p" + r);
            for (int c = 0; c < columns; c++) {
                row.add(random.nextDouble() < missing[c] ? "" : (c < quasi ? "v" : "s") + skewed(random, domain[c]));
            }
            row.add("n" + random.nextInt(3));
            if (withItems) {
                StringBuilder items = new StringBuilder();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    items.append(i == 0 ? "" : "|")
                            .append((char) ('A' + skewed(random, 4)))
                            .append(skewed(random, 5));
                }
                row.add(items.toString());
            }
            builder.row(row.toArray(String[]::new));
        }
        Table table = builder.build();
        AnonymizationRequest.Builder request = AnonymizationRequest.builder(table);
        Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
        for (int c = 0; c < columns; c++) {
            String name = c < quasi ? "q" + c : sensitive.get(c - quasi);
            // a sensitive hierarchy may stop below a common top: the hierarchical distance must join them
            boolean top = c < quasi || random.nextInt(3) > 0;
            hierarchies.put(name, hierarchy(random, name, c < quasi ? "v" : "s", domain[c], missing[c] > 0, top));
        }
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
        int models = random.nextInt(4);
        for (int m = 0; m < models; m++) {
            request.model(sensitiveModel(random, sensitive.get(random.nextInt(sensitive.size()))));
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

    private static SensitiveModel sensitiveModel(Random random, String column) {
        return switch (random.nextInt(5)) {
            case 0 -> new DistinctLDiversity(column, 1 + random.nextInt(3));
            case 1 -> new EntropyLDiversity(column, 1 + random.nextDouble() * 2);
            case 2 -> new RecursiveCLDiversity(column, 1 + random.nextInt(4), 2);
            case 3 -> new TCloseness(column, 0.1 + random.nextDouble() * 0.5, TCloseness.Distance.EQUAL);
            default -> new TCloseness(column, 0.1 + random.nextDouble() * 0.5, TCloseness.Distance.HIERARCHICAL);
        };
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
        return hierarchy(random, name, prefix, size, false, true);
    }

    /**
     * The same, with the empty value as one more value when {@code missing} is set, and with
     * {@code *} above the groupings only when {@code top} is set.
     */
    static Hierarchy hierarchy(Random random, String name, String prefix, int values, boolean missing, boolean top) {
        int size = values + (missing ? 1 : 0);
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
            row[0] = v == values ? "" : prefix + v;
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
