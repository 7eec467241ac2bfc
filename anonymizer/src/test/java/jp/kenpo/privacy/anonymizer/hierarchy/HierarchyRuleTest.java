package jp.kenpo.privacy.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import org.junit.jupiter.api.Test;

class HierarchyRuleTest {

    @Test
    void datesGoToYearMonthYearAndAlignedBands() {
        Hierarchy h =
                new DateRule(List.of(5, 10)).build("born", ColumnType.DATE, List.of("1987-06-15", "1990-01-31", ""));
        assertThat(h.levels()).isEqualTo(6);
        assertThat(labels(h, "1987-06-15"))
                .containsExactly("1987-06-15", "1987-06", "1987", "1985-1989", "1980-1989", "*");
        assertThat(labels(h, "1990-01-31"))
                .containsExactly("1990-01-31", "1990-01", "1990", "1990-1994", "1990-1999", "*");
        assertThat(labels(h, "")).containsExactly("", "", "", "", "", "*");
    }

    @Test
    void yearMonthsStartAtTheYear() {
        Hierarchy h = new DateRule(List.of(10)).build("born", ColumnType.YEAR_MONTH, List.of("2003-04"));
        assertThat(labels(h, "2003-04")).containsExactly("2003-04", "2003", "2000-2009", "*");
    }

    @Test
    void dateBandsMustCoarsenOneAnother() {
        assertThatThrownBy(() -> new DateRule(List.of(5, 12)))
                .hasMessageContaining("band of 12 years does not coarsen")
                .hasMessageContaining("5 years");
        assertThatThrownBy(() -> new DateRule(List.of(5)).build("x", ColumnType.INTEGER, List.of("1")))
                .hasMessageContaining("column 'x'")
                .hasMessageContaining("not integer");
    }

    @Test
    void intervalsCodeTheExtremesAtBottomAndTop() {
        Hierarchy h = new IntervalRule(
                        new BigDecimal(20), new BigDecimal(80), List.of(new BigDecimal(5), new BigDecimal(20)))
                .build("age", ColumnType.INTEGER, List.of("7", "20", "24", "61", "79", "80", "104"));
        assertThat(labels(h, "7")).containsExactly("7", "<20", "<20", "*");
        assertThat(labels(h, "24")).containsExactly("24", "20-24", "20-39", "*");
        assertThat(labels(h, "61")).containsExactly("61", "60-64", "60-79", "*");
        assertThat(labels(h, "79")).containsExactly("79", "75-79", "60-79", "*");
        assertThat(labels(h, "104")).containsExactly("104", ">=80", ">=80", "*");
    }

    @Test
    void decimalIntervalsAreHalfOpenAndClippedAtTheTop() {
        Hierarchy h = new IntervalRule(null, new BigDecimal("30"), List.of(new BigDecimal("2.5"), new BigDecimal("25")))
                .build("bmi", ColumnType.DECIMAL, List.of("18.4", "29.9"));
        assertThat(labels(h, "18.4")).containsExactly("18.4", "[17.5, 20.0)", "[0, 25)", "*");
        assertThat(labels(h, "29.9")).containsExactly("29.9", "[27.5, 30.0)", "[25, 30)", "*");
    }

    @Test
    void intervalWidthsMustBeMultiplesAndBoundsOrdered() {
        assertThatThrownBy(() -> new IntervalRule(null, null, List.of(new BigDecimal(5), new BigDecimal(12))))
                .hasMessageContaining("width 12 does not coarsen width 5");
        assertThatThrownBy(() -> new IntervalRule(new BigDecimal(50), new BigDecimal(10), List.of(BigDecimal.ONE)))
                .hasMessageContaining("bottom 50 is not below top 10");
    }

    @Test
    void codesGoThroughPrefixesAndRanges() {
        CodeRule rule = new CodeRule(List.of(
                new CodeRule.Prefix(3),
                new CodeRule.Ranges(
                        "blocks",
                        List.of(new CodeRule.Range("E10", "E14", null), new CodeRule.Range("I10", "I15", null))),
                new CodeRule.Ranges(
                        "chapters",
                        List.of(new CodeRule.Range("E00", "E90", "IV"), new CodeRule.Range("I00", "I99", "IX")))));
        Hierarchy h = rule.build("dx", ColumnType.STRING, List.of("E11.9", "I10"));
        assertThat(labels(h, "E11.9")).containsExactly("E11.9", "E11", "E10-E14", "IV", "*");
        assertThat(labels(h, "I10")).containsExactly("I10", "I10", "I10-I15", "IX", "*");
        assertThatThrownBy(() -> rule.build("dx", ColumnType.STRING, List.of("E20.1")))
                .hasMessageContaining("column 'dx'")
                .hasMessageContaining("code 'E20.1' is in no range of level 2");
    }

    @Test
    void overlappingRangesAreRefused() {
        assertThatThrownBy(() -> new CodeRule.Ranges(
                        "blocks",
                        List.of(new CodeRule.Range("E10", "E14", null), new CodeRule.Range("E14", "E16", null))))
                .hasMessageContaining("E14-E16 overlaps range E10-E14");
    }

    @Test
    void rangesThatSplitABlockDoNotCoarsen() {
        CodeRule rule = new CodeRule(List.of(
                new CodeRule.Ranges("blocks", List.of(new CodeRule.Range("E10", "E14", null))),
                new CodeRule.Ranges(
                        "chapters",
                        List.of(new CodeRule.Range("E00", "E11", "a"), new CodeRule.Range("E12", "E90", "b")))));
        assertThatThrownBy(() -> rule.build("dx", ColumnType.STRING, List.of("E10.1", "E13.0")))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("each level must coarsen");
    }

    @Test
    void maskingHidesOneMoreCharacterPerLevel() {
        Hierarchy h = new MaskingRule(2, '*').build("zip", ColumnType.STRING, List.of("15000", "1500"));
        assertThat(labels(h, "15000")).containsExactly("15000", "150**", "1****", "*****", "*");
        assertThat(labels(h, "1500")).containsExactly("1500", "15**", "****", "****", "*");
    }

    @Test
    void csvHierarchiesOfAdultLoadAsTheyAre() throws Exception {
        Hierarchy h = Hierarchy.of(
                "inline",
                List.of(new String[] {"a", "x", "*"}, new String[] {"b", "x", "*"}, new String[] {"c", "y", "*"}));
        assertThat(h.levels()).isEqualTo(3);
        assertThat(h.generalize("c", 1)).contains("y");
        assertThat(h.generalize("d", 1)).isEmpty();
    }

    private static List<String> labels(Hierarchy h, String value) {
        return java.util.stream.IntStream.range(0, h.levels())
                .mapToObj(level -> h.generalize(value, level).orElseThrow())
                .toList();
    }
}
