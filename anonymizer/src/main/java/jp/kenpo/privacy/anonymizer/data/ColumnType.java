package jp.kenpo.privacy.anonymizer.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The type of a column's values. Values keep their text; the type decides which text is valid
 * and how rule-built hierarchies read it. The empty text is a missing value in every type.
 */
public enum ColumnType {
    STRING("text"),
    INTEGER("an integer"),
    DECIMAL("a decimal number"),
    /** ISO date, {@code 2024-04-01}. */
    DATE("a date (yyyy-MM-dd)"),
    /** ISO year-month, {@code 2024-04}. */
    YEAR_MONTH("a year-month (yyyy-MM)");

    private final String description;

    ColumnType(String description) {
        this.description = description;
    }

    /** How an error message names the expected form, e.g. "an integer". */
    public String description() {
        return description;
    }

    public boolean accepts(String text) {
        if (text.isEmpty() || this == STRING) {
            return true;
        }
        try {
            switch (this) {
                case INTEGER -> Long.parseLong(text);
                case DECIMAL -> new BigDecimal(text);
                case DATE -> LocalDate.parse(text);
                case YEAR_MONTH -> YearMonth.parse(text);
                default -> throw new AssertionError(this);
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    /** The name used in configuration files and on the command line, e.g. {@code year-month}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ColumnType fromConfigName(String name) {
        for (ColumnType type : values()) {
            if (type.configName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown column type '" + name + "' (expected string, integer, decimal, date or year-month)");
    }
}
