package jp.kenpo.privacy.anonymizer.config;

import jp.kenpo.privacy.anonymizer.LevelRange;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;

/**
 * How the configuration treats one column; {@code where} names the place it was configured
 * (a config line or a command-line flag) for error messages. Hierarchy and levels may be null.
 */
public record ColumnConfig(
        String name, Role role, ColumnType type, HierarchySource hierarchy, LevelRange levels, String where) {

    public ColumnConfig withHierarchy(HierarchySource source, String newWhere) {
        return new ColumnConfig(name, role, type, source, levels, newWhere);
    }
}
