package jp.kenpo.privacy.anonymizer.search;

import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.LevelRange;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.ValueColumn;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.hierarchy.LevelCodes;

/**
 * A quasi-identifier encoded for the search: per row the code of its value, and per level a
 * table from value code to the code of its generalized label. Only labels that some value of
 * the column reaches get a code, so level sizes count what the data can show.
 */
final class QuasiIdentifier {

    final String name;
    final int column;
    final int[] rows; // [row] value code
    final int[][] generalized; // [level][value code] label code at that level
    final String[][] labels; // [level][label code]
    final long[] valueCounts; // [value code] rows holding it
    final int min;
    final int max;

    private QuasiIdentifier(
            String name,
            int column,
            int[] rows,
            int[][] generalized,
            String[][] labels,
            long[] valueCounts,
            int min,
            int max) {
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
        LevelCodes levels = encode(table, values, rows, hierarchy);
        long[] counts = new long[values.distinctValues()];
        for (int code : rows) {
            counts[code]++;
        }
        int min = range == null ? 0 : range.min();
        int max = range == null ? levels.levels() - 1 : range.max();
        if (max >= levels.levels()) {
            throw new AnonymizationException("column '" + name + "': generalization level " + max
                    + " does not exist; its hierarchy " + hierarchy.source() + " has levels 0 to "
                    + (levels.levels() - 1));
        }
        return new QuasiIdentifier(name, column, rows, levels.codes(), levels.labels(), counts, min, max);
    }

    /** The hierarchy applied to the column's values; errors point at the row of a missing value. */
    static LevelCodes encode(Table table, ValueColumn values, int[] rows, Hierarchy hierarchy) {
        return hierarchy.encode(
                values.spec().name(), values.dictionary(), value -> table.locate(firstRow(rows, value)));
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
}
