package jp.kenpo.privacy.anonymizer.hierarchy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.data.ColumnType;

/**
 * Dates and year-months: date → year-month → year → bands of N years (each band a multiple of
 * the one before, aligned on multiples of N, e.g. 1985-1989) → {@code *}.
 */
public record DateRule(List<Integer> yearBands) implements HierarchyRule {

    public DateRule {
        yearBands = List.copyOf(yearBands);
        int previous = 1;
        for (int band : yearBands) {
            if (band <= previous || band % previous != 0) {
                throw new AnonymizationException("date rule: a band of " + band + " years does not coarsen"
                        + " the level before (" + previous + " year" + (previous == 1 ? "" : "s")
                        + "); each band must be a multiple of the one before");
            }
            previous = band;
        }
    }

    @Override
    public Hierarchy build(String column, ColumnType type, Collection<String> values) {
        if (type != ColumnType.DATE && type != ColumnType.YEAR_MONTH) {
            throw new AnonymizationException("column '" + column + "': the date rule needs a date or "
                    + "year-month column, not " + type.configName());
        }
        List<String[]> rows = new ArrayList<>(values.size());
        for (String value : values) {
            List<String> row = new ArrayList<>();
            row.add(value);
            if (value.isEmpty()) {
                int levels = (type == ColumnType.DATE ? 2 : 1) + yearBands.size();
                for (int i = 0; i < levels; i++) {
                    row.add("");
                }
            } else {
                YearMonth month =
                        type == ColumnType.DATE ? YearMonth.from(LocalDate.parse(value)) : YearMonth.parse(value);
                if (type == ColumnType.DATE) {
                    row.add(month.toString());
                }
                int year = month.getYear();
                row.add(Integer.toString(year));
                for (int band : yearBands) {
                    int start = year - Math.floorMod(year, band);
                    row.add(start + "-" + (start + band - 1));
                }
            }
            row.add(TOP);
            rows.add(row.toArray(String[]::new));
        }
        return Hierarchy.of("date rule for '" + column + "'", rows);
    }
}
