package jp.kenpo.privacy.anonymizer.hierarchy;

import java.util.Collection;
import jp.kenpo.privacy.anonymizer.data.ColumnType;

/**
 * A rule that builds a hierarchy for the values a column actually holds, instead of a file that
 * lists them. The empty (missing) value stays empty up to the top level, which is {@code *}.
 */
public sealed interface HierarchyRule permits DateRule, IntervalRule, CodeRule, MaskingRule {

    /** The top of every rule-built hierarchy. */
    String TOP = "*";

    Hierarchy build(String column, ColumnType type, Collection<String> values);
}
