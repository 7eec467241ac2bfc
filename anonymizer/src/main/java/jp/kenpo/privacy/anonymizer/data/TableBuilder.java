package jp.kenpo.privacy.anonymizer.data;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/** Collects rows, checks each value against its column's type and dictionary-encodes it. */
public final class TableBuilder {

    private static final Pattern ITEMS = Pattern.compile(Pattern.quote(SetColumn.SEPARATOR));

    private final List<ColumnSpec> specs;
    private final List<Dictionary> dictionaries = new ArrayList<>();
    private final List<IntArrayList> codes = new ArrayList<>();
    private final List<IntArrayList> offsets = new ArrayList<>();
    private final IntArrayList lines = new IntArrayList();
    private String origin;
    private int rows;

    TableBuilder(List<ColumnSpec> specs) {
        if (specs.isEmpty()) {
            throw new AnonymizationException("a table needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (ColumnSpec spec : specs) {
            if (!names.add(spec.name())) {
                throw new AnonymizationException("column '" + spec.name() + "' appears twice");
            }
            dictionaries.add(new Dictionary());
            codes.add(new IntArrayList());
            IntArrayList offset = new IntArrayList();
            offset.add(0);
            offsets.add(spec.role() == Role.SET_VALUED ? offset : null);
        }
        this.specs = List.copyOf(specs);
    }

    /** Names the file the rows come from, so that errors can point into it. */
    public TableBuilder origin(String file) {
        this.origin = file;
        return this;
    }

    /**
     * Adds a row; errors name it by its number (1-based). A set-valued cell holds its items
     * joined by {@link SetColumn#SEPARATOR}.
     */
    public TableBuilder row(String... cells) {
        if (!lines.isEmpty()) {
            throw new IllegalStateException("rows of this table are added with rowAt(line, ...)");
        }
        return add(rows + 1, cells);
    }

    /** Adds a row read from the given line of the {@link #origin} file. */
    public TableBuilder rowAt(int line, String... cells) {
        if (lines.size() != rows) {
            throw new IllegalStateException("rows of this table are added with row(...)");
        }
        lines.add(line);
        return add(line, cells);
    }

    private TableBuilder add(int line, String[] cells) {
        String where = Table.describe(origin, lines.isEmpty(), line);
        if (cells.length != specs.size()) {
            throw new AnonymizationException(
                    where + ": expected " + specs.size() + " values but found " + cells.length);
        }
        for (int c = 0; c < cells.length; c++) {
            ColumnSpec spec = specs.get(c);
            String cell = cells[c] == null ? "" : cells[c];
            if (spec.role() == Role.SET_VALUED) {
                addItems(where, c, spec, cell);
            } else {
                codes.get(c).add(dictionaries.get(c).code(where, spec, cell));
            }
        }
        rows++;
        return this;
    }

    private void addItems(String where, int c, ColumnSpec spec, String cell) {
        IntArrayList items = codes.get(c);
        int start = items.size();
        if (!cell.isEmpty()) {
            for (String item : ITEMS.split(cell, -1)) {
                if (item.isEmpty()) {
                    continue;
                }
                int code = dictionaries.get(c).code(where, spec, item);
                if (!items.subList(start, items.size()).contains(code)) {
                    items.add(code);
                }
            }
        }
        offsets.get(c).add(items.size());
    }

    private static void check(String where, ColumnSpec spec, String value) {
        if (!spec.type().accepts(value)) {
            throw new AnonymizationException(where + ", column '" + spec.name() + "': '" + value + "' is not "
                    + spec.type().description());
        }
    }

    public int rowCount() {
        return rows;
    }

    public Table build() {
        List<Column> columns = new ArrayList<>(specs.size());
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            String[] dictionary = dictionaries.get(c).values.toArray(String[]::new);
            int[] encoded = codes.get(c).toIntArray();
            columns.add(
                    spec.role() == Role.SET_VALUED
                            ? new SetColumn(spec, dictionary, offsets.get(c).toIntArray(), encoded)
                            : new ValueColumn(spec, dictionary, encoded));
        }
        return new Table(columns, rows, origin, lines.isEmpty() ? null : lines.toIntArray());
    }

    private static final class Dictionary {
        private final Object2IntOpenHashMap<String> codes = new Object2IntOpenHashMap<>();
        private final List<String> values = new ArrayList<>();

        Dictionary() {
            codes.defaultReturnValue(-1);
        }

        // a value is checked against the column type once, when it is first seen
        int code(String where, ColumnSpec spec, String value) {
            int code = codes.getInt(value);
            if (code < 0) {
                check(where, spec, value);
                code = values.size();
                codes.put(value, code);
                values.add(value);
            }
            return code;
        }
    }
}
