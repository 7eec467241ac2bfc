package jp.kenpo.privacy.anonymizer.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of items per row (e.g. a person's diagnosis codes), stored as one array of item codes
 * with per-row offsets, so a million persons cost two int arrays rather than a million lists.
 */
public final class SetColumn implements Column {

    /** Separates the items of one cell in CSV files. */
    public static final String SEPARATOR = "|";

    private final ColumnSpec spec;
    private final String[] dictionary;
    private final int[] offsets;
    private final int[] items;

    /**
     * A column from its distinct items, per-row offsets into {@code items} (one more than the
     * rows, starting at 0) and the item codes (all copied).
     */
    public static SetColumn of(ColumnSpec spec, String[] dictionary, int[] offsets, int[] items) {
        if (spec.role() != Role.SET_VALUED) {
            throw new IllegalArgumentException("column '" + spec.name() + "' is not set-valued");
        }
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != items.length) {
            throw new IllegalArgumentException("offsets of '" + spec.name() + "' do not span the items");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("offsets of '" + spec.name() + "' decrease at row " + i);
            }
        }
        for (int item : items) {
            if (item < 0 || item >= dictionary.length) {
                throw new IllegalArgumentException(
                        "item " + item + " is outside the dictionary of '" + spec.name() + "'");
            }
        }
        return new SetColumn(spec, dictionary.clone(), offsets.clone(), items.clone());
    }

    SetColumn(ColumnSpec spec, String[] dictionary, int[] offsets, int[] items) {
        this.spec = spec;
        this.dictionary = dictionary;
        this.offsets = offsets;
        this.items = items;
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }

    @Override
    public String text(int row) {
        return String.join(SEPARATOR, items(row));
    }

    public List<String> items(int row) {
        List<String> result = new ArrayList<>(itemCount(row));
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            result.add(dictionary[items[i]]);
        }
        return result;
    }

    public int itemCount(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** Code of the i-th item of a row. */
    public int item(int row, int i) {
        return items[offsets[row] + i];
    }

    public int distinctItems() {
        return dictionary.length;
    }

    public String itemOf(int code) {
        return dictionary[code];
    }

    public String[] dictionary() {
        return dictionary.clone();
    }

    public int size() {
        return offsets.length - 1;
    }
}
