package jp.kenpo.privacy.formats.era;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.kenpo.privacy.formats.InvalidValueException;

/**
 * Dates as the receipt spec records them: the Japanese-era forms {@code GYYMMDD} and
 * {@code GYYMM} (G = 年号区分コード, see {@link Era}) used up to the 2019/2020 revisions, and the
 * Western forms {@code YYYYMMDD} and {@code YYYYMM} that the 令和 revisions of the
 * 記録条件仕様 use. The form is told by the length: 7 or 8 digits for a date, 5 or 6 for a month.
 *
 * <p>An era date outside its era (平成31年5月1日, 令和元年4月30日) is impossible and rejected, as
 * is any day that does not exist.
 */
public final class ReceiptDates {

    private ReceiptDates() {}

    public static LocalDate parseDate(CharSequence s) {
        int n = s.length();
        if (n == 8) {
            return western(digits(s, 0, 4), digits(s, 4, 2), digits(s, 6, 2), s);
        }
        if (n == 7) {
            Era era = era(s);
            int yy = digits(s, 1, 2);
            int year = yearOf(era, yy, s);
            LocalDate date = western(year, digits(s, 3, 2), digits(s, 5, 2), s);
            if (!era.contains(date)) {
                throw new InvalidValueException(
                        "impossible date " + s + ": " + era.kanji() + yy + "年 does not include " + date);
            }
            return date;
        }
        throw new InvalidValueException("date " + quoted(s) + " is neither GYYMMDD (7 digits) nor YYYYMMDD (8 digits)");
    }

    public static YearMonth parseYearMonth(CharSequence s) {
        int n = s.length();
        if (n == 6) {
            return westernMonth(digits(s, 0, 4), digits(s, 4, 2), s);
        }
        if (n == 5) {
            Era era = era(s);
            int yy = digits(s, 1, 2);
            YearMonth ym = westernMonth(yearOf(era, yy, s), digits(s, 3, 2), s);
            // a month belongs to an era when at least one of its days does (平成31年4月 yes, 5月 no)
            if (!era.contains(ym.atEndOfMonth()) && !era.contains(ym.atDay(1))) {
                throw new InvalidValueException(
                        "impossible month " + s + ": " + era.kanji() + yy + "年 does not include " + ym);
            }
            return ym;
        }
        throw new InvalidValueException("month " + quoted(s) + " is neither GYYMM (5 digits) nor YYYYMM (6 digits)");
    }

    /** Western {@code YYYYMMDD}, the form the current spec writes. */
    public static String formatDate(LocalDate d) {
        StringBuilder b = new StringBuilder(8);
        pad(b, d.getYear(), 4);
        pad(b, d.getMonthValue(), 2);
        pad(b, d.getDayOfMonth(), 2);
        return b.toString();
    }

    /** Western {@code YYYYMM}. */
    public static String formatYearMonth(YearMonth ym) {
        StringBuilder b = new StringBuilder(6);
        pad(b, ym.getYear(), 4);
        pad(b, ym.getMonthValue(), 2);
        return b.toString();
    }

    /** Era form {@code GYYMMDD}, as the pre-令和 layouts write it. */
    public static String formatEraDate(LocalDate d) {
        Era era = Era.of(d);
        StringBuilder b = new StringBuilder(7).append(era.code());
        pad(b, d.getYear() - era.firstDay().getYear() + 1, 2);
        pad(b, d.getMonthValue(), 2);
        pad(b, d.getDayOfMonth(), 2);
        return b.toString();
    }

    /** Era form {@code GYYMM}; a month that spans two eras is written in the later one. */
    public static String formatEraYearMonth(YearMonth ym) {
        Era era = Era.of(ym.atEndOfMonth());
        StringBuilder b = new StringBuilder(5).append(era.code());
        pad(b, ym.getYear() - era.firstDay().getYear() + 1, 2);
        pad(b, ym.getMonthValue(), 2);
        return b.toString();
    }

    private static void pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    private static Era era(CharSequence s) {
        char g = s.charAt(0);
        Era era = g >= '0' && g <= '9' ? Era.ofCode(g - '0') : null;
        if (era == null) {
            throw new InvalidValueException("unknown 年号区分コード '" + g + "' in " + quoted(s) + " (1 明治 … 5 令和)");
        }
        return era;
    }

    private static int yearOf(Era era, int yy, CharSequence s) {
        if (yy < 1) {
            throw new InvalidValueException("impossible date " + s + ": era year 00");
        }
        return era.westernYear(yy);
    }

    private static LocalDate western(int y, int m, int d, CharSequence s) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            throw new InvalidValueException("impossible date " + s);
        }
    }

    private static YearMonth westernMonth(int y, int m, CharSequence s) {
        if (m < 1 || m > 12 || y < 1) {
            throw new InvalidValueException("impossible month " + s);
        }
        return YearMonth.of(y, m);
    }

    private static int digits(CharSequence s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException("non-digit in date " + quoted(s));
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String quoted(CharSequence s) {
        return "\"" + s + "\"";
    }
}
