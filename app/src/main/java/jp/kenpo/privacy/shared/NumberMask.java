package jp.kenpo.privacy.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Individual numbers (個人番号) as text. The check digit (番号法施行令第8条; 同法施行規則第5条 gives the
 * formula): with P(n) the n-th of the first eleven digits counted from the right and Q(n) = n + 1
 * for n ≤ 6, n − 5 for n ≥ 7, the check digit is 11 − (Σ P(n)·Q(n) mod 11), or 0 when that
 * remainder is 0 or 1.
 *
 * <p>{@link #mask} is for text the system keeps or answers that a person typed (audit details,
 * names tried at sign-in, request paths, problem details): specified personal information may be
 * kept only where My Number Act Art. 20 allows, which is the vault, so a number typed by mistake
 * anywhere else is kept masked.
 *
 * <p>A number is recognised however it was typed: the text is read as after NFKC normalisation
 * (full-width digits are digits, a full-width space or hyphen a separator), its digits in groups
 * split by spaces or hyphens ({@code 7648 3503 0563}, {@code 7648-3503-0563}), and glued to letters
 * ({@code x764835030563}): any run of whole groups that adds up to twelve digits and passes the
 * check digit is a number. A longer run of digits with no separator (13 digits or more) is not.
 */
public final class NumberMask {

    /** Hex runs this long are hashes or keys, whose digit runs {@link #mask} leaves whole. */
    private static final int HASH_RUN = 16;
    /** How many separator characters may stand between two groups of one number ({@code " - "}). */
    private static final int MAX_SEPARATORS = 3;

    private NumberMask() {}

    /** The check digit of the first eleven digits of {@code digits}. */
    public static int checkDigit(CharSequence digits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = digits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /** Whether the text is 12 ASCII digits whose last is the check digit of the first eleven. */
    public static boolean passesCheckDigit(CharSequence text) {
        if (text == null || text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(text) == text.charAt(11) - '0';
    }

    /** What staff may see of a number: {@code ********1234}. */
    public static String masked(CharSequence twelve) {
        return "********" + twelve.subSequence(8, 12);
    }

    /**
     * Whether a person's text holds what may be an individual number, however written (spaces,
     * hyphens, full-width digits, glued to letters): such text is refused where it would be stored
     * (My Number Act Art. 20).
     */
    public static boolean holdsNumber(String text) {
        return text != null
                && !fewerThanTwelveAsciiDigits(text)
                && !numbers(text, false).isEmpty();
    }

    /**
     * Whether ASCII text (every byte below 0x80) may hold a number: false only where {@link
     * #holdsNumber} of the same text is false, so that a reader of bytes (the release's final check)
     * need not make a string of every cell. A number is whole groups of digits, none longer than
     * twelve, each joined to the next by one to three separators; text without such a chain of
     * twelve digits or more holds none. Where this says true, ask {@link #holdsNumber}.
     */
    public static boolean asciiMayHoldNumber(byte[] text, int from, int to) {
        int chain = 0; // digits in the groups joined so far
        int run = 0; // digits in the group being read
        int gap = -1; // separators since the last group ended, -1 when something else stood there
        for (int i = from; i <= to; i++) {
            int c = i < to ? text[i] : -1;
            if (c >= '0' && c <= '9') {
                if (run == 0 && (gap < 1 || gap > MAX_SEPARATORS)) {
                    chain = 0;
                }
                run++;
                continue;
            }
            if (run > 0) {
                if (run > 12) {
                    chain = 0;
                    gap = -1;
                    run = 0;
                    continue;
                }
                chain += run;
                if (chain >= 12) {
                    return true;
                }
                run = 0;
                gap = 0;
            }
            if (gap >= 0) {
                gap = asciiSeparator(c) ? gap + 1 : -1;
            }
        }
        return false;
    }

    /**
     * Plain ASCII with fewer than twelve digits holds no number (NFKC leaves ASCII as it is; only
     * other characters, such as ⑫, can stand for more than one digit). Most cells of a release are
     * short codes and counts: this spares them the full reading.
     */
    private static boolean fewerThanTwelveAsciiDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits < 12;
    }

    /**
     * The text with every individual number in it masked ({@code ********1234}), however written;
     * digit runs inside hex strings of 16 characters or more (hashes, keys) stay whole. Null stays null.
     */
    public static String mask(String text) {
        if (text == null || text.length() < 12) {
            return text;
        }
        List<Found> found = numbers(text, true);
        if (found.isEmpty()) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int at = 0;
        for (Found f : found) {
            out.append(text, at, f.start()).append(masked(f.digits()));
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** A number found: where it stands in the text and its twelve ASCII digits. */
    private record Found(int start, int end, String digits) {}

    /** A maximal run of digits: where it stands and its digits in ASCII ({@code #} for a run too long to be part of a number). */
    private record Group(int start, int end, String digits) {}

    /** The numbers in the text, left to right, none overlapping. */
    private static List<Found> numbers(String text, boolean keepHashes) {
        List<Group> groups = groups(text);
        var found = new ArrayList<Found>();
        int from = 0;
        while (from < groups.size()) {
            int last = numberFrom(text, groups, from, keepHashes);
            if (last >= 0) {
                var digits = new StringBuilder(12);
                groups.subList(from, last + 1).forEach(g -> digits.append(g.digits()));
                found.add(new Found(groups.get(from).start(), groups.get(last).end(), digits.toString()));
                from = last + 1;
            } else {
                from++;
            }
        }
        return found;
    }

    /** The last group of a number that starts with group {@code from}, or -1. */
    private static int numberFrom(String text, List<Group> groups, int from, boolean keepHashes) {
        var digits = new StringBuilder(12);
        for (int j = from; j < groups.size() && digits.length() < 12; j++) {
            if (j > from && !joined(text, groups.get(j - 1), groups.get(j))) {
                return -1;
            }
            digits.append(groups.get(j).digits());
            if (digits.length() == 12 && passesCheckDigit(digits)) {
                return keepHashes && j == from && insideHash(text, groups.get(from)) ? -1 : j;
            }
        }
        return -1;
    }

    private static List<Group> groups(String text) {
        var groups = new ArrayList<Group>();
        int i = 0;
        while (i < text.length()) {
            if (digit(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int start = i;
            var digits = new StringBuilder();
            while (i < text.length() && digit(text.charAt(i)) >= 0) {
                digits.append((char) ('0' + digit(text.charAt(i))));
                i++;
            }
            if (digits.length() <= 12) {
                groups.add(new Group(start, i, digits.toString()));
            } else {
                // a run of 13 digits or more is some other number, and no part of one
                groups.add(new Group(start, i, "#"));
            }
        }
        return groups;
    }

    /** Whether only a few separators (spaces, hyphens) stand between two groups. */
    private static boolean joined(String text, Group left, Group right) {
        if (left.digits().equals("#") || right.digits().equals("#")) {
            return false;
        }
        int gap = right.start() - left.end();
        if (gap < 1 || gap > MAX_SEPARATORS) {
            return false;
        }
        for (int i = left.end(); i < right.start(); i++) {
            if (!separator(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideHash(String text, Group group) {
        int start = group.start();
        while (start > 0 && hex(text.charAt(start - 1))) {
            start--;
        }
        int end = group.end();
        while (end < text.length() && hex(text.charAt(end))) {
            end++;
        }
        return end - start >= HASH_RUN;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The digit a character is after NFKC (full-width ０, circled ①, …), or -1. */
    private static int digit(char c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9' ? c - '0' : -1;
        }
        if (Character.isSurrogate(c)) {
            return -1;
        }
        String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        return n.length() == 1 && n.charAt(0) >= '0' && n.charAt(0) <= '9' ? n.charAt(0) - '0' : -1;
    }

    /** {@link #separator} of an ASCII character: white space (tab to carriage return, 0x1C to 0x1F, space) or a hyphen. */
    private static boolean asciiSeparator(int c) {
        return c == ' ' || c == '-' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    /** Spaces and hyphens as people type them between groups of digits, full-width and 長音符 included. */
    private static boolean separator(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.DASH_PUNCTUATION
                || c == '\u2212'
                || c == '\u30FC'
                || c == '\uFF70'
                || c == '\uFF0D';
    }
}
