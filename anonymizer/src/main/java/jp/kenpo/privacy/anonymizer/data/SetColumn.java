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
