package jp.kenpo.privacy.anonymizer.data;

/** One column of a {@link Table}: either one value per row or a set of items per row. */
public sealed interface Column permits ValueColumn, SetColumn {

    ColumnSpec spec();

    /** The cell as text; a set is written as its items joined by {@link SetColumn#SEPARATOR}. */
    String text(int row);
}
