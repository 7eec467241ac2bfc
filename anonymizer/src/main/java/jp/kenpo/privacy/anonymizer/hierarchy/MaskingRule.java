package jp.kenpo.privacy.anonymizer.hierarchy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.data.ColumnType;

/**
 * Masking from the right: each level replaces {@code step} more trailing characters with
 * {@code mask} (postal code {@code 1500041} → {@code 150004*} → {@code 15000**} …), then
 * {@code *}.
 */
public record MaskingRule(int step, char mask) implements HierarchyRule {

    public MaskingRule {
        if (step < 1) {
            throw new AnonymizationException("masking rule: step " + step + " is below 1");
        }
    }

    @Override
    public Hierarchy build(String column, ColumnType type, Collection<String> values) {
        int longest = values.stream().mapToInt(String::length).max().orElse(0);
        int levels = (longest + step - 1) / step;
        List<String[]> rows = new ArrayList<>(values.size());
        for (String value : values) {
            String[] row = new String[levels + 2];
            row[0] = value;
            for (int level = 1; level <= levels; level++) {
                int keep = Math.max(0, value.length() - level * step);
                row[level] = value.isEmpty()
                        ? ""
                        : value.substring(0, keep) + String.valueOf(mask).repeat(value.length() - keep);
            }
            row[levels + 1] = TOP;
            rows.add(row);
        }
        if (levels == 0) {
            throw new AnonymizationException("column '" + column + "': nothing to mask, every value is empty");
        }
        return Hierarchy.of("masking rule for '" + column + "'", rows);
    }
}
