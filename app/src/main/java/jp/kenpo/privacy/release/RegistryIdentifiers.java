package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import jp.kenpo.privacy.members.Member;

/**
 * What no cell of a release may equal (the final check's, APPI Art. 43(1)): every member's key, 記号
 * and 番号 as "記号-番号", insurer number and name, in kanji and kana, stripped and without spaces. Not
 * the parts of a key run together: 記号 and 番号 are short digit strings, which points and counts
 * would match.
 *
 * <p>A million members' identifiers are checked against tens of millions of cells, so they are
 * kept in two ways. Those of digits and hyphens up to {@value #CODED} characters — member keys,
 * 記号-番号 and insurer numbers, nearly all of them — as numbers that spell them (length, then four
 * bits a character), in sets of numbers: no string per member, and a cell of digits is looked up
 * from its bytes. The others, names above all, as strings, gathered when a cell first needs them —
 * one not in ASCII, or an ASCII cell of a length and kind (digits, digits and hyphens, anything
 * else) that one of them written in ASCII has; those shapes are kept from the start. A table of
 * codes, months and counts never needs them.
 */
final class RegistryIdentifiers {

    private static final int CODED = 15;
    private static final int LONG = 64;
    private static final int DIGITS = 0;
    private static final int DIGITS_AND_HYPHENS = 1;
    private static final int OTHER = 2;

    private final Iterable<Member> registry;
    private final LongOpenHashSet codes = new LongOpenHashSet();
    /**
     * 記号-番号, apart: where 記号 is a number such as 2025 and 番号 one such as 10, it reads as a
     * year-month, which a month column holds by design (seen at 1,000,000 generated members: 記号
     * 1000 to 7665, and 4,807 members whose 記号-番号 reads as a month of 1900–2099). A calendar
     * year-month in a column of months (a date coarsened, or a person's birth, enrolment or
     * withdrawal month) is a month; the same text in any other column is refused.
     */
    private final LongOpenHashSet symbolNumberCodes = new LongOpenHashSet();
    /**
     * The lengths and kinds of the identifiers kept as numbers, and of those kept as strings that are
     * written in ASCII: most cells (codes, counts) have a shape no identifier has, and are not looked
     * up at all.
     */
    private final boolean[] asciiShapes = new boolean[(LONG + 1) * 3];
    /** The shapes of each set of numbers apart: a month has the shape of many 記号-番号 but of few keys. */
    private final boolean[] codeShapes = new boolean[(LONG + 1) * 3];

    private final boolean[] symbolNumberShapes = new boolean[(LONG + 1) * 3];

    private Set<String> others;
    private Set<String> otherSymbolNumbers;

    RegistryIdentifiers(Iterable<Member> registry) {
        this.registry = registry;
        for (Member m : registry) {
            keep(m.key().toString(), codes);
            keep(m.key().symbol() + "-" + m.key().number(), symbolNumberCodes);
            keep(m.insurerNumber(), codes);
            for (String name : new String[] {m.nameKanji(), m.nameKana()}) {
                if (name != null && !name.isBlank() && inAsciiApartFromSpaces(name)) {
                    keep(name.strip(), codes);
                    keep(withoutSpaces(name), codes);
                }
            }
        }
    }

    /**
     * Whether the text (a cell, stripped) equals an identifier; a 記号-番号 that reads as a year-month
     * does not count in a column of months.
     */
    boolean matches(String text, boolean monthly) {
        if (coded(text)) {
            long code = code(text);
            return codes.contains(code) || (symbolNumberCodes.contains(code) && !(monthly && isYearMonth(text)));
        }
        gather();
        return others.contains(text) || (otherSymbolNumbers.contains(text) && !(monthly && isYearMonth(text)));
    }

    /**
     * Whether ASCII bytes (a cell, stripped) may equal an identifier: false only where {@link
     * #matches} of the same text is false.
     */
    boolean mayMatch(byte[] b, int from, int to, boolean monthly) {
        int length = to - from;
        int kind = DIGITS;
        long code = length;
        for (int i = from; i < to; i++) {
            int c = b[i];
            kind = Math.max(kind, kindOf(c));
            code = code << 4 | (c == '-' ? 10 : (c - '0') & 0xF);
        }
        if (!asciiShapes[shape(length, kind)]) {
            return false;
        }
        if (kind != OTHER && length <= CODED) {
            int shape = shape(length, kind);
            return (codeShapes[shape] && codes.contains(code))
                    || (symbolNumberShapes[shape]
                            && !(monthly && isYearMonth(b, from, to))
                            && symbolNumberCodes.contains(code));
        }
        return true;
    }

    private void keep(String identifier, LongOpenHashSet codedIn) {
        if (identifier == null) {
            return;
        }
        int kind = DIGITS;
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c >= 0x80) {
                return; // kept as a string when gathered; no ASCII cell equals it
            }
            kind = Math.max(kind, kindOf(c));
        }
        asciiShapes[shape(identifier.length(), kind)] = true;
        if (coded(identifier)) {
            codedIn.add(code(identifier));
            (codedIn == codes ? codeShapes : symbolNumberShapes)[shape(identifier.length(), kind)] = true;
        }
    }

    /** The identifiers not kept as numbers, as strings: made once, when a cell first needs them. */
    private synchronized void gather() {
        if (others != null) {
            return;
        }
        int members = registry instanceof Collection<?> c ? c.size() : 16;
        var strings = new HashSet<String>(members * 6);
        var symbolNumbers = new HashSet<String>();
        for (Member m : registry) {
            keepString(m.key().toString(), strings);
            keepString(m.key().symbol() + "-" + m.key().number(), symbolNumbers);
            keepString(m.insurerNumber(), strings);
            for (String name : new String[] {m.nameKanji(), m.nameKana()}) {
                if (name != null && !name.isBlank()) {
                    keepString(name.strip(), strings);
                    keepString(withoutSpaces(name), strings);
                }
            }
        }
        otherSymbolNumbers = symbolNumbers;
        others = strings;
    }

    private static void keepString(String identifier, Set<String> strings) {
        if (identifier != null && !coded(identifier)) {
            strings.add(identifier);
        }
    }

    private static String withoutSpaces(String name) {
        return name.replace(" ", "").replace("\u3000", "");
    }

    /** Whether every character is ASCII or an ideographic space (which the form without spaces drops). */
    private static boolean inAsciiApartFromSpaces(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 && c != '\u3000') {
                return false;
            }
        }
        return true;
    }

    private static boolean coded(String text) {
        if (text.length() > CODED) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** The number that spells text of digits and hyphens: its length, then four bits a character. */
    private static long code(String text) {
        long code = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            code = code << 4 | (c == '-' ? 10 : c - '0');
        }
        return code;
    }

    private static int kindOf(int c) {
        return c >= '0' && c <= '9' ? DIGITS : c == '-' ? DIGITS_AND_HYPHENS : OTHER;
    }

    private static int shape(int length, int kind) {
        return Math.min(length, LONG) * 3 + kind;
    }

    /** {@link #isYearMonth(String)} of ASCII bytes: {@code uuuu-MM}, the month 01 to 12. */
    private static boolean isYearMonth(byte[] b, int from, int to) {
        if (to - from != 7 || b[from + 4] != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6}) {
            if (b[from + i] < '0' || b[from + i] > '9') {
                return false;
            }
        }
        int month = (b[from + 5] - '0') * 10 + (b[from + 6] - '0');
        return month >= 1 && month <= 12;
    }

    static boolean isYearMonth(String cell) {
        if (cell.length() != 7 || cell.charAt(4) != '-') {
            return false;
        }
        try {
            YearMonth.parse(cell);
            return true;
        } catch (DateTimeParseException notAMonth) {
            return false;
        }
    }
}
