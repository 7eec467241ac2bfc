package jp.kenpo.privacy.anonymizer.data;

import java.util.Objects;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/** A column's name, type and role. */
public record ColumnSpec(String name, ColumnType type, Role role) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new AnonymizationException("a column name is blank");
        }
    }

    public static ColumnSpec of(String name, Role role) {
        return new ColumnSpec(name, ColumnType.STRING, role);
    }
}
