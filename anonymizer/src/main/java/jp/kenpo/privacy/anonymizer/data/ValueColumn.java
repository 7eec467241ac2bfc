package jp.kenpo.privacy.anonymizer.data;

import java.util.Arrays;

/**
 * One value per row, dictionary-encoded: the engine works on the int codes, the text is only
 * looked up to read hierarchies and to write the result.
 */
public final class ValueColumn implements Column {

    private final ColumnSpec spec;
    private final String[] dictionary;
    private final int[] codes;

    /**
     * A column from its distinct values and per-row codes (copied). Every code must index the
     * dictionary; the dictionary may hold values no row uses.
     */
    public static ValueColumn of(ColumnSpec spec, String[] dictionary, int[] codes) {
        if (spec.role() == Role.SET_VALUED) {
            throw new IllegalArgumentException("column '" + spec.name() + "' is set-valued");
        }
        for (int code : codes) {
            if (code < 0 || code >= dictionary.length) {
                throw new IllegalArgumentException(
                        "code " + code + " is outside the dictionary of '" + spec.name() + "'");
            }
        }
        return new ValueColumn(spec, dictionary.clone(), codes.clone());
    }

    ValueColumn(ColumnSpec spec, String[] dictionary, int[] codes) {
        this.spec = spec;
        this.dictionary = dictionary;
        this.codes = codes;
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }

    @Override
    public String text(int row) {
        return dictionary[codes[row]];
    }

    public int code(int row) {
        return codes[row];
    }

    /** Number of distinct values; codes run from 0 to this minus one. */
    public int distinctValues() {
        return dictionary.length;
    }

    public String valueOf(int code) {
        return dictionary[code];
    }

    /** A copy of the distinct values, indexed by code. */
    public String[] dictionary() {
        return dictionary.clone();
    }

    /** A copy of the per-row codes. */
    public int[] codes() {
        return codes.clone();
    }

    public int size() {
        return codes.length;
    }

    @Override
    public String toString() {
        return spec.name() + Arrays.toString(Arrays.copyOf(dictionary, Math.min(5, dictionary.length)));
    }
}
