package jp.kenpo.privacy.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a value of a type is written, in the words a refusal uses: {@code a date YYYY-MM-DD},
 * {@code one of PAPER, COUNTER, PHONE, PORTAL}. Both the API and the command line say this instead
 * of a parser's message, which names Java classes and repeats what was typed (that may be anything
 * a person typed, an individual number too).
 */
public final class ExpectedForm {

    /** The forms {@link SocietyTime#parseInstant} reads. */
    public static final String INSTANT =
            "a date or date-time: 2026-04-01, 2026-04-01T10:00 (Tokyo time) " + "or 2026-04-01T10:00+09:00";

    public static final String DATE = "a date YYYY-MM-DD";

    private ExpectedForm() {}

    /**
     * What a value of this type looks like. The domain's own types ({@code MemberKey},
     * {@code PurposeCode}) say it in their parsers' messages; for them this answers the general
     * {@code a valid value}, and the caller prefers the parser's message.
     */
    public static String of(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + constants(type) + " (in any case)";
        }
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return INSTANT;
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == CharSequence.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }

    /** {@code of(type)} with a leading "expected ". */
    public static String expected(Class<?> type) {
        return "expected " + of(type);
    }

    /** The constant of an enum named in any case, or null. */
    public static <E extends Enum<E>> E constant(Class<E> type, String text) {
        String wanted = text == null ? "" : text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        return null;
    }

    private static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }
}
