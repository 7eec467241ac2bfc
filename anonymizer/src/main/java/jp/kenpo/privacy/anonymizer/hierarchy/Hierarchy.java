package jp.kenpo.privacy.anonymizer.hierarchy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * A generalization hierarchy: for each original value, one label per level, each level coarser
 * than the one before (level 0 is the value itself). Immutable; checked when built, so that the
 * search can rely on every level being a function of the level below.
 */
public final class Hierarchy {

    private final String source;
    private final String[][] labels; // [level][value index]
    private final Map<String, Integer> index;

    private Hierarchy(String source, String[][] labels, Map<String, Integer> index) {
        this.source = source;
        this.labels = labels;
        this.index = index;
    }

    /**
     * A hierarchy from rows of labels: the original value first, then one label per level. Row i
     * is named "line {@code lines[i]}" in errors; without lines (rule-built hierarchies) errors
     * name the value instead.
     */
    public static Hierarchy of(String source, List<String[]> rows, int[] lines) {
        if (rows.isEmpty()) {
            throw new AnonymizationException("hierarchy " + source + " has no rows");
        }
        int levels = rows.get(0).length;
        String[][] labels = new String[levels][rows.size()];
        Map<String, Integer> index = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String where = where(source, lines, i, row[0]);
            if (row.length != levels) {
                throw new AnonymizationException(where + ": has " + row.length + " levels but "
                        + where(source, lines, 0, rows.get(0)[0]) + " has " + levels);
            }
            Integer previous = index.putIfAbsent(row[0], i);
            if (previous != null) {
                throw new AnonymizationException(where + ": value '" + row[0] + "' appears again (first at "
                        + where(source, lines, previous, row[0]) + ")");
            }
            for (int level = 0; level < levels; level++) {
                if (level > 0 && row[level].isEmpty() && !row[0].isEmpty()) {
                    throw new AnonymizationException(where + ": level " + level + " is empty");
                }
                labels[level][i] = row[level];
            }
        }
        checkCoarsening(source, labels, lines);
        return new Hierarchy(source, labels, index);
    }

    /** A hierarchy built by a rule: rows carry no line numbers. */
    public static Hierarchy of(String source, List<String[]> rows) {
        return of(source, rows, null);
    }

    // Two values that share a label at one level must share it at every coarser level, else the
    // level is no generalization of the one below and full-domain search would be unsound.
    private static void checkCoarsening(String source, String[][] labels, int[] lines) {
        for (int level = 1; level < labels.length; level++) {
            Map<String, Integer> parentOf = new HashMap<>();
            for (int i = 0; i < labels[level].length; i++) {
                Integer first = parentOf.putIfAbsent(labels[level - 1][i], i);
                if (first != null && !labels[level][first].equals(labels[level][i])) {
                    throw new AnonymizationException(where(source, lines, i, labels[0][i]) + ": level "
                            + level + " puts '" + labels[level - 1][i] + "' under '" + labels[level][i]
                            + "', but " + where(source, lines, first, labels[0][first]) + " puts it under '"
                            + labels[level][first] + "'; each level must coarsen the one before");
                }
            }
        }
    }

    private static String where(String source, int[] lines, int row, String value) {
        return lines == null ? "hierarchy " + source + ", value '" + value + "'" : source + " line " + lines[row];
    }

    /** Where the hierarchy came from (file name or rule), for messages and reports. */
    public String source() {
        return source;
    }

    /** Number of levels, counting level 0 (the original values). */
    public int levels() {
        return labels.length;
    }

    public int size() {
        return labels[0].length;
    }

    public boolean contains(String value) {
        return index.containsKey(value);
    }

    /** The label of a value at a level, or empty when the hierarchy does not know the value. */
    public Optional<String> generalize(String value, int level) {
        Integer i = index.get(value);
        return i == null ? Optional.empty() : Optional.of(labels[level][i]);
    }

    /**
     * Numbers the labels of the given values at every level. A value the hierarchy lacks is an
     * error; {@code whereIs} tells where in the data value i occurs, for the message.
     */
    public LevelCodes encode(String column, String[] values, IntFunction<String> whereIs) {
        int[][] codes = new int[labels.length][values.length];
        String[][] levelLabels = new String[labels.length][];
        int[] rowOf = new int[values.length];
        for (int value = 0; value < values.length; value++) {
            Integer i = index.get(values[value]);
            if (i == null) {
                throw new AnonymizationException("column '" + column + "': value '" + values[value] + "' ("
                        + whereIs.apply(value) + ") is missing from hierarchy " + source);
            }
            rowOf[value] = i;
        }
        for (int level = 0; level < labels.length; level++) {
            Map<String, Integer> numbers = new HashMap<>();
            List<String> seen = new ArrayList<>();
            for (int value = 0; value < values.length; value++) {
                String label = labels[level][rowOf[value]];
                Integer code = numbers.get(label);
                if (code == null) {
                    code = seen.size();
                    numbers.put(label, code);
                    seen.add(label);
                }
                codes[level][value] = code;
            }
            levelLabels[level] = seen.toArray(String[]::new);
        }
        return new LevelCodes(codes, levelLabels);
    }

    /** The original values in hierarchy order. */
    public List<String> values() {
        return List.of(labels[0]);
    }
}
