package jp.kenpo.privacy.anonymizer.config;

import java.nio.file.Path;
import jp.kenpo.privacy.anonymizer.hierarchy.HierarchyRule;

/** Where a column's hierarchy comes from: a CSV file or a rule applied to the column's values. */
public sealed interface HierarchySource {

    /** A hierarchy file; a null separator means: detect {@code ;} or {@code ,}. */
    record File(Path path, Character separator) implements HierarchySource {}

    record Rule(HierarchyRule rule) implements HierarchySource {}
}
