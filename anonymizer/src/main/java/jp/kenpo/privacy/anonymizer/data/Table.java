package jp.kenpo.privacy.anonymizer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/** An immutable table of typed columns, each with its role. Build one with {@link #builder}. */
public final class Table {

    private final List<Column> columns;
    private final int rowCount;
    private final String origin;
    private final int[] lines;

    Table(List<Column> columns, int rowCount, String origin, int[] lines) {
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
        this.origin = origin;
        this.lines = lines;
    }

    /** A table of ready columns, all of the same number of rows and with distinct names. */
    public static Table of(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        int rows = size(columns.get(0));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Column column : columns) {
            if (size(column) != rows) {
                throw new IllegalArgumentException(
                        "column '" + column.spec().name() + "' has " + size(column) + " rows, not " + rows);
            }
            if (!names.add(column.spec().name())) {
                throw new IllegalArgumentException("column '" + column.spec().name() + "' appears twice");
            }
        }
        return new Table(columns, rows, null, null);
    }

    private static int size(Column column) {
        return column instanceof ValueColumn values ? values.size() : ((SetColumn) column).size();
    }

    public static TableBuilder builder(List<ColumnSpec> specs) {
        return new TableBuilder(specs);
    }

    public static TableBuilder builder(ColumnSpec... specs) {
        return new TableBuilder(List.of(specs));
    }

    public int rowCount() {
        return rowCount;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<ColumnSpec> specs() {
        return columns.stream().map(Column::spec).collect(Collectors.toUnmodifiableList());
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The column of that name; an unknown name is an error that lists the known ones. */
    public Column column(String name) {
        return columns.get(indexOf(name));
    }

    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).spec().name().equals(name)) {
                return i;
            }
        }
        throw new AnonymizationException(
                "unknown column '" + name + "' (the table has: " + String.join(", ", columnNames()) + ")");
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.spec().name());
        }
        return Collections.unmodifiableList(names);
    }

    /** Names of the columns with that role, in table order. */
    public List<String> columnsWith(Role role) {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            if (column.spec().role() == role) {
                names.add(column.spec().name());
            }
        }
        return names;
    }

    /** Where a row came from, for error messages: {@code "adult.csv line 12"} or {@code "row 11"}. */
    public String locate(int row) {
        return describe(origin, lines == null, lines == null ? row + 1 : lines[row]);
    }

    static String describe(String origin, boolean numberedRows, int line) {
        String position = (numberedRows ? "row " : "line ") + line;
        return origin == null ? position : origin + " " + position;
    }

    public String text(int row, int column) {
        return columns.get(column).text(row);
    }
}
