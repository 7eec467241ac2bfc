package jp.kenpo.privacy.anonymizer.hierarchy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.data.ColumnType;

/**
 * Codes → prefixes and code ranges → {@code *}, e.g. ICD-10 {@code E11.9} → {@code E11} →
 * {@code E10-E14} → chapter {@code IV}. Each level is a {@link Prefix} or a {@link Ranges} mapping
 * applied to the original code; the levels must coarsen one another.
 */
public record CodeRule(List<Level> levels) implements HierarchyRule {

    public CodeRule {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new AnonymizationException("code rule: give at least one level");
        }
    }

    /** One level of a code hierarchy. */
    public sealed interface Level permits Prefix, Ranges {
        /** The label of a code at this level, or null when the level does not cover it. */
        String apply(String code);
    }

    /** Keeps the first {@code length} characters. */
    public record Prefix(int length) implements Level {
        public Prefix {
            if (length < 1) {
                throw new AnonymizationException("code rule: prefix length " + length + " is below 1");
            }
        }

        @Override
        public String apply(String code) {
            return code.length() <= length ? code : code.substring(0, length);
        }
    }

    /**
     * Maps each code to the label of the range that holds it: a code belongs to
     * {@code from..to} when its first {@code from.length()} characters sort between the two.
     */
    public record Ranges(String source, List<Range> ranges) implements Level {
        public Ranges {
            ranges = List.copyOf(ranges);
            for (int i = 0; i < ranges.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (ranges.get(i).overlaps(ranges.get(j))) {
                        throw new AnonymizationException(
                                source + ": range " + ranges.get(i) + " overlaps range " + ranges.get(j));
                    }
                }
            }
        }

        @Override
        public String apply(String code) {
            for (Range range : ranges) {
                if (range.contains(code)) {
                    return range.label();
                }
            }
            return null;
        }
    }

    /** Codes from {@code from} to {@code to} (inclusive), labelled {@code label}. */
    public record Range(String from, String to, String label) {
        public Range {
            if (from.isEmpty() || from.length() != to.length() || from.compareTo(to) > 0) {
                throw new AnonymizationException("code range '" + from + "-" + to + "' needs two codes of"
                        + " the same length, the first not after the second");
            }
            if (label == null || label.isEmpty()) {
                label = from.equals(to) ? from : from + "-" + to;
            }
        }

        boolean contains(String code) {
            if (code.length() < from.length()) {
                return false;
            }
            String head = code.substring(0, from.length());
            return head.compareTo(from) >= 0 && head.compareTo(to) <= 0;
        }

        boolean overlaps(Range other) {
            int length = Math.min(from.length(), other.from.length());
            return from.substring(0, length).compareTo(other.to.substring(0, length)) <= 0
                    && other.from.substring(0, length).compareTo(to.substring(0, length)) <= 0;
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    @Override
    public Hierarchy build(String column, ColumnType type, Collection<String> values) {
        List<String[]> rows = new ArrayList<>(values.size());
        for (String value : values) {
            String[] row = new String[levels.size() + 2];
            row[0] = value;
            for (int level = 0; level < levels.size(); level++) {
                String label = value.isEmpty() ? "" : levels.get(level).apply(value);
                if (label == null) {
                    throw new AnonymizationException("column '" + column + "': code '" + value
                            + "' is in no range of level " + (level + 1) + " of its code rule");
                }
                row[level + 1] = label;
            }
            row[levels.size() + 1] = TOP;
            rows.add(row);
        }
        return Hierarchy.of("code rule for '" + column + "'", rows);
    }
}
