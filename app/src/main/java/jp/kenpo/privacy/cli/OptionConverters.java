package jp.kenpo.privacy.cli;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.ExpectedForm;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read, and refused: picocli then says {@code Invalid value for option
 * '--received': expected a date YYYY-MM-DD}. Its own converters would say {@code cannot convert
 * '…' to LocalDate (java.time.format.DateTimeParseException: …)}: a Java class, and the value as
 * typed, which may be anything a person typed.
 */
final class OptionConverters {

    private OptionConverters() {}

    /** Registers the converters with the command and every subcommand it has. */
    static void register(CommandLine cl) {
        cl.registerConverter(MemberKey.class, parser(MemberKey::parse));
        cl.registerConverter(PurposeCode.class, parser(PurposeCode::parse));
        cl.registerConverter(Instant.class, parser(SocietyTime::parseInstant));
        cl.registerConverter(LocalDate.class, parser(SocietyTime::parseDate));
        cl.registerConverter(Charset.class, text -> {
            try {
                return Charset.forName(text.strip());
            } catch (IllegalArgumentException unknown) {
                throw new TypeConversionException("expected an encoding such as UTF-8 or Windows-31J");
            }
        });
        cl.registerConverter(Integer.class, number(Integer::valueOf, Integer.class));
        cl.registerConverter(int.class, number(Integer::valueOf, int.class));
        cl.registerConverter(Long.class, number(Long::valueOf, Long.class));
        cl.registerConverter(long.class, number(Long::valueOf, long.class));
        enumTypes(cl.getCommandSpec(), new LinkedHashSet<>()).forEach(type -> registerEnum(cl, type));
    }

    /** A parser that names the expected form in an IllegalArgumentException, never the value. */
    private static <T> ITypeConverter<T> parser(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    private static <T> ITypeConverter<T> number(Function<String, T> parse, Class<T> type) {
        return text -> {
            try {
                return parse.apply(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(ExpectedForm.expected(type));
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerEnum(CommandLine cl, Class<?> type) {
        Class<Enum> enumType = (Class<Enum>) type;
        cl.registerConverter(enumType, text -> {
            Enum value = ExpectedForm.constant(enumType, text);
            if (value == null) {
                throw new TypeConversionException(ExpectedForm.expected(enumType));
            }
            return value;
        });
    }

    /** Every enum type an option or parameter of this command or its subcommands takes. */
    private static Set<Class<?>> enumTypes(CommandSpec spec, Set<Class<?>> found) {
        for (ArgSpec arg : spec.args()) {
            for (Class<?> type : arg.auxiliaryTypes()) {
                if (type.isEnum()) {
                    found.add(type);
                }
            }
            if (arg.type().isEnum()) {
                found.add(arg.type());
            }
        }
        spec.subcommands().values().forEach(sub -> enumTypes(sub.getCommandSpec(), found));
        return found;
    }
}
