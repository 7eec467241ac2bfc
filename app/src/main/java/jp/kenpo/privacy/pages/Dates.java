package jp.kenpo.privacy.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the pages show them ({@code ${@dates.day(d, #locale)}}): 西暦 with the 和暦
 * year beside it for Japanese readers, 2026年4月1日（令和8年）; ISO dates in English; times in Tokyo.
 */
@Component("dates")
class Dates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String day(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        if (!"ja".equals(locale.getLanguage())) {
            return date.toString();
        }
        var japanese = JapaneseDate.from(date);
        int year = japanese.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        String era = japanese.getEra().getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPANESE)
                + (year == 1 ? "元" : String.valueOf(year)) + "年";
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日（" + era + "）";
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(SocietyTime.ZONE)) + " (JST)";
    }

    /** For a {@code datetime-local} field: Tokyo time without an offset. */
    public String local(Instant instant) {
        return instant.atZone(SocietyTime.ZONE)
                .toLocalDateTime()
                .withSecond(0)
                .withNano(0)
                .toString();
    }
}
