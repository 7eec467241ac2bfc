package jp.kenpo.privacy.anonymizer.search;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.LevelRange;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.ValueColumn;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;

/**
 * A quasi-identifier encoded for the search: per row the code of its value, and per level a
 * table from value code to the code of its generalized label. Only labels that some value of
 * the column reaches get a code, so level sizes count what the data can show.
 */
final class QuasiIdentifier {

  final String name;
  final int column;
  final int[] rows;          // [row] value code
  final int[][] generalized; // [level][value code] label code at that level
  final String[][] labels;   // [level][label code]
  final long[] valueCounts;  // [value code] rows holding it
  final int min;
  final int max;

  private QuasiIdentifier(String name, int column, int[] rows, int[][] generalized,
      String[][] labels, long[] valueCounts, int min, int max) {
    this.name = name;
    this.column = column;
    this.rows = rows;
    this.generalized = generalized;
    this.labels = labels;
    this.valueCounts = valueCounts;
    this.min = min;
    this.max = max;
  }

  static QuasiIdentifier encode(Table table, int column, Hierarchy hierarchy, LevelRange range) {
    ValueColumn values = (ValueColumn) table.column(column);
    String name = values.spec().name();
    int[] rows = values.codes();
    int levels = hierarchy.levels();
    int[][] generalized = encodeLevels(table, values, rows, hierarchy, levels);
    String[][] labels = new String[levels][];
    for (int level = 0; level < levels; level++) {
      labels[level] = labelsOf(values, hierarchy, level, generalized[level]);
    }
    long[] counts = new long[values.distinctValues()];
    for (int code : rows) {
      counts[code]++;
    }
    int min = range == null ? 0 : range.min();
    int max = range == null ? levels - 1 : range.max();
    if (max >= levels) {
      throw new AnonymizationException("column '" + name + "': generalization level " + max
          + " does not exist; its hierarchy " + hierarchy.source() + " has levels 0 to "
          + (levels - 1));
    }
    return new QuasiIdentifier(name, column, rows, generalized, labels, counts, min, max);
  }

  /** Codes per level for the values of a column; a value the hierarchy lacks is an error. */
  static int[][] encodeLevels(Table table, ValueColumn values, int[] rows, Hierarchy hierarchy,
      int levels) {
    int[][] generalized = new int[levels][values.distinctValues()];
    for (int level = 0; level < levels; level++) {
      Object2IntOpenHashMap<String> codes = new Object2IntOpenHashMap<>();
      for (int value = 0; value < values.distinctValues(); value++) {
        String label = hierarchy.generalize(values.valueOf(value), level).orElse(null);
        if (label == null) {
          throw new AnonymizationException("column '" + values.spec().name() + "': value '"
              + values.valueOf(value) + "' (" + table.locate(firstRow(rows, value))
              + ") is missing from hierarchy " + hierarchy.source());
        }
        generalized[level][value] = codes.computeIfAbsent(label, l -> codes.size());
      }
    }
    return generalized;
  }

  private static String[] labelsOf(ValueColumn values, Hierarchy hierarchy, int level, int[] codes) {
    List<String> labels = new ArrayList<>();
    for (int value = 0; value < codes.length; value++) {
      if (codes[value] == labels.size()) {
        labels.add(hierarchy.generalize(values.valueOf(value), level).orElseThrow());
      }
    }
    return labels.toArray(String[]::new);
  }

  private static int firstRow(int[] rows, int value) {
    for (int row = 0; row < rows.length; row++) {
      if (rows[row] == value) {
        return row;
      }
    }
    throw new IllegalStateException("value " + value + " is in no row");
  }

  int levels() {
    return generalized.length;
  }

  int levelSize(int level) {
    return labels[level].length;
  }

  String label(int level, int valueCode) {
    return labels[level][generalized[level][valueCode]];
  }
}
