package jp.kenpo.privacy.anonymizer.hierarchy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.data.ColumnType;

/**
 * Numbers → intervals of growing width → {@code *}. Values below {@code bottom} become
 * {@code <bottom} and values from {@code top} up become {@code >=top} on every generalized level:
 * bottom- and top-coding, the usual treatment of extreme values (PPC rules Art. 34 (4):
 * 特異な記述等の削除). Intervals start at {@code bottom} (or 0) and each width must be a multiple
 * of the one before so that every level coarsens the last. Either bound may be null.
 */
public record IntervalRule(BigDecimal bottom, BigDecimal top, List<BigDecimal> widths) implements HierarchyRule {

    public IntervalRule {
        widths = List.copyOf(widths);
        if (widths.isEmpty()) {
            throw new AnonymizationException("interval rule: give at least one width");
        }
        BigDecimal previous = null;
        for (BigDecimal width : widths) {
            if (width.signum() <= 0) {
                throw new AnonymizationException("interval rule: width " + width + " is not positive");
            }
            if (previous != null
                    && (width.compareTo(previous) <= 0
                            || width.remainder(previous).signum() != 0)) {
                throw new AnonymizationException("interval rule: width " + width.toPlainString()
                        + " does not coarsen width " + previous.toPlainString()
                        + "; each width must be a multiple of the one before");
            }
            previous = width;
        }
        if (bottom != null && top != null && bottom.compareTo(top) >= 0) {
            throw new AnonymizationException(
                    "interval rule: bottom " + bottom.toPlainString() + " is not below top " + top.toPlainString());
        }
    }

    @Override
    public Hierarchy build(String column, ColumnType type, Collection<String> values) {
        if (type != ColumnType.INTEGER && type != ColumnType.DECIMAL) {
            throw new AnonymizationException("column '" + column + "': the interval rule needs an "
                    + "integer or decimal column, not " + type.configName());
        }
        BigDecimal origin = bottom == null ? BigDecimal.ZERO : bottom;
        boolean closedRanges = type == ColumnType.INTEGER
                && integral(origin)
                && widths.stream().allMatch(IntervalRule::integral)
                && (top == null || integral(top));
        List<String[]> rows = new ArrayList<>(values.size());
        for (String value : values) {
            String[] row = new String[widths.size() + 2];
            row[0] = value;
            for (int level = 0; level < widths.size(); level++) {
                row[level + 1] =
                        value.isEmpty() ? "" : label(new BigDecimal(value), origin, widths.get(level), closedRanges);
            }
            row[widths.size() + 1] = TOP;
            rows.add(row);
        }
        return Hierarchy.of("interval rule for '" + column + "'", rows);
    }

    private static boolean integral(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0;
    }

    private String label(BigDecimal value, BigDecimal origin, BigDecimal width, boolean integers) {
        if (bottom != null && value.compareTo(bottom) < 0) {
            return "<" + bottom.toPlainString();
        }
        if (top != null && value.compareTo(top) >= 0) {
            return ">=" + top.toPlainString();
        }
        BigDecimal steps = value.subtract(origin).divide(width, 0, RoundingMode.FLOOR);
        BigDecimal start = origin.add(steps.multiply(width));
        BigDecimal end = start.add(width);
        if (top != null && end.compareTo(top) > 0) {
            end = top;
        }
        // integers read best as closed ranges (20-24); decimals as half-open intervals
        return integers
                ? start.toPlainString() + "-" + end.subtract(BigDecimal.ONE).toPlainString()
                : "[" + start.toPlainString() + ", " + end.toPlainString() + ")";
    }
}
