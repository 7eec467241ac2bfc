package jp.kenpo.privacy.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The society's calendar. Dates in the notice, the ledger and the registry (received on,
 * effective from, 資格取得日, 資格喪失日) are Japanese calendar dates: a date takes effect at
 * 00:00 in Asia/Tokyo, whatever zone the server runs in.
 */
public final class SocietyTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private SocietyTime() {}

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /**
     * Reads an instant as people write it: {@code 2026-04-01} (start of that day in Tokyo),
     * {@code 2026-04-01T10:00} (Tokyo time), or with an offset or {@code Z}.
     *
     * @throws IllegalArgumentException naming the accepted forms, never repeating the text
     */
    public static Instant parseInstant(String text) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return startOf(LocalDate.parse(s));
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).atZone(ZONE).toInstant();
        } catch (DateTimeException e) {
            // the text is not repeated: it may be anything a person typed
            throw new IllegalArgumentException("expected " + ExpectedForm.INSTANT);
        }
    }

    /**
     * Reads a calendar date {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException naming the form, never repeating the text
     */
    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("expected " + ExpectedForm.DATE);
        }
    }

    /**
     * An instant as people here read it: Tokyo time with its offset, {@code 2026-05-01T10:00+09:00}
     * (seconds only when there are some), the way {@link #parseInstant} takes it back.
     */
    public static String format(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime().toString();
    }
}
