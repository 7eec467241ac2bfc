package jp.kenpo.privacy.formats.era;

import java.time.LocalDate;

/**
 * 元号 with the 年号区分コード of the receipt spec (記録条件仕様 別表「年号区分コード」):
 * 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和.
 *
 * <p>First days: 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08 (元号法 and the 政令 of
 * 1989-01-07), 令和 2019-05-01 (政令 of 2019-04-01). 明治 counts from 1868-01-01 because the
 * 改元の詔 of 1868 made the whole of that year 明治元年.
 */
public enum Era {
    MEIJI(1, "明治", LocalDate.of(1868, 1, 1)),
    TAISHO(2, "大正", LocalDate.of(1912, 7, 30)),
    SHOWA(3, "昭和", LocalDate.of(1926, 12, 25)),
    HEISEI(4, "平成", LocalDate.of(1989, 1, 8)),
    REIWA(5, "令和", LocalDate.of(2019, 5, 1));

    private static final Era[] BY_CODE = {null, MEIJI, TAISHO, SHOWA, HEISEI, REIWA};

    private final int code;
    private final String kanji;
    private final LocalDate firstDay;

    Era(int code, String kanji, LocalDate firstDay) {
        this.code = code;
        this.kanji = kanji;
        this.firstDay = firstDay;
    }

    /** 年号区分コード. */
    public int code() {
        return code;
    }

    public String kanji() {
        return kanji;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    /** The first day of the next era, or {@code null} for the current one. */
    public LocalDate endExclusive() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1].firstDay : null;
    }

    /** Western year of the era's year {@code yy} (元年 = 1). */
    public int westernYear(int yy) {
        return firstDay.getYear() + yy - 1;
    }

    public boolean contains(LocalDate date) {
        LocalDate end = endExclusive();
        return !date.isBefore(firstDay) && (end == null || date.isBefore(end));
    }

    /** The era of a 年号区分コード, or {@code null} when the code is not one. */
    public static Era ofCode(int code) {
        return code >= 1 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The era a date belongs to. */
    public static Era of(LocalDate date) {
        for (int i = values().length - 1; i >= 0; i--) {
            if (!date.isBefore(values()[i].firstDay)) {
                return values()[i];
            }
        }
        throw new IllegalArgumentException("before 明治: " + date);
    }
}
