package jp.kenpo.privacy.pages;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.UnknownMemberException;

/**
 * What people type into the pages, read as they mean it: full-width digits and letters (NFKC), a
 * hyphen of any width in a member key, a date as {@code 2026-04-01}, {@code 2026/4/1} or in the
 * Japanese era {@code R8.4.1} (令和8年4月1日 too). A value that cannot be read is empty, and the
 * page says which field and what form it takes, never repeating what was typed.
 */
final class TypedInput {

    private static final Pattern HYPHENS = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF70\\uFE63]");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern ERA =
            Pattern.compile("([MTSHR]|明治|大正|昭和|平成|令和)(\\d{1,2}|元)[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Map<String, JapaneseEra> ERAS = Map.of(
            "M", JapaneseEra.MEIJI,
            "明治", JapaneseEra.MEIJI,
            "T", JapaneseEra.TAISHO,
            "大正", JapaneseEra.TAISHO,
            "S", JapaneseEra.SHOWA,
            "昭和", JapaneseEra.SHOWA,
            "H", JapaneseEra.HEISEI,
            "平成", JapaneseEra.HEISEI,
            "R", JapaneseEra.REIWA,
            "令和", JapaneseEra.REIWA);

    private TypedInput() {}

    static String normal(String text) {
        return text == null
                ? ""
                : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    /** The member key a page's path names; a path naming no key is an unknown member (the 404 page). */
    static MemberKey pathKey(String text) {
        return memberKey(text).orElseThrow(() -> new UnknownMemberException(null));
    }

    static Optional<MemberKey> memberKey(String text) {
        String s = HYPHENS.matcher(normal(text)).replaceAll("-").replaceAll("\\s+", "");
        try {
            return Optional.of(MemberKey.parse(s));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String text) {
        String s = normal(text).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
        try {
            var western = WESTERN.matcher(s);
            if (western.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(western.group(1)),
                        Integer.parseInt(western.group(2)),
                        Integer.parseInt(western.group(3))));
            }
            var era = ERA.matcher(s);
            if (era.matches()) {
                int year = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
                return Optional.of(LocalDate.from(JapaneseDate.of(
                        ERAS.get(era.group(1)), year, Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4)))));
            }
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
