package jp.kenpo.privacy.release;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;

/**
 * The levels a month goes through in the k-anonymity search: the month, the year, five years,
 * ten years (birth only), nothing. A birth month more than {@code ageTop} years before the cut-off
 * is one band, {@code <YYYY-MM}, at every level below the top (Rule 34(4): extreme ages).
 */
final class MonthLevels {

    static final String TOP = "*";

    private MonthLevels() {}

    /** The level-0 label of a birth month: the month, or the band of the oldest. */
    static String birth(YearMonth birth, YearMonth oldestShown) {
        return birth.isBefore(oldestShown) ? "<" + oldestShown : birth.toString();
    }

    static String[] levels(String value, boolean tenYears) {
        List<String> row = new ArrayList<>();
        row.add(value);
        if (value.isEmpty()) {
            row.add("");
            row.add("");
            if (tenYears) {
                row.add("");
            }
        } else if (value.startsWith("<")) {
            row.add(value);
            row.add(value);
            if (tenYears) {
                row.add(value);
            }
        } else {
            int year = YearMonth.parse(value).getYear();
            row.add(Integer.toString(year));
            int five = year - Math.floorMod(year, 5);
            row.add(five + "-" + (five + 4));
            if (tenYears) {
                int ten = year - Math.floorMod(year, 10);
                row.add(ten + "-" + (ten + 9));
            }
        }
        row.add(TOP);
        return row.toArray(String[]::new);
    }

    static Hierarchy hierarchy(String name, Collection<String> values, boolean tenYears) {
        List<String[]> rows = new ArrayList<>();
        for (String value : new TreeSet<>(values)) {
            rows.add(levels(value, tenYears));
        }
        return Hierarchy.of(name, rows);
    }

    /**
     * Months at the level the search chose for their column, each distinct month's levels worked
     * out once (a million persons have a few hundred months; parsing each person's took seconds of
     * a release).
     */
    static final class Memo {
        private final Map<String, String[]> withTenYears = new HashMap<>();
        private final Map<String, String[]> withoutTenYears = new HashMap<>();

        String at(String value, int level, boolean tenYears) {
            String[] levels =
                    (tenYears ? withTenYears : withoutTenYears).computeIfAbsent(value, v -> levels(v, tenYears));
            return levels[Math.min(level, levels.length - 1)];
        }
    }
}
