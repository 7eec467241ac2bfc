package jp.kenpo.privacy.members;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a clerk looks a member up by: the beginning of the フリガナ or of the 氏名, the birth date,
 * any together. Typed text is taken as people type it: full-width or half-width, hiragana for
 * katakana, either width of space. The フリガナ is compared with the registry's {@code name_kana_search}
 * (migration 27), the stored フリガナ normalised the same way, so that ｼｹﾝ, しけん and シケン find a
 * member whichever of them the member file wrote.
 */
public record MemberSearch(Optional<String> kanaPrefix, Optional<String> namePrefix, Optional<LocalDate> birthDate) {

    public MemberSearch {
        kanaPrefix = kanaPrefix.map(MemberSearch::katakana).filter(s -> !s.isEmpty());
        namePrefix = namePrefix.map(MemberSearch::normal).filter(s -> !s.isEmpty());
    }

    public boolean isEmpty() {
        return kanaPrefix.isEmpty() && namePrefix.isEmpty() && birthDate.isEmpty();
    }

    /** NFKC (half-width katakana become full-width), one ASCII space between words. */
    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /** As {@link #normal}, with hiragana turned into the katakana a フリガナ is written in. */
    static String katakana(String text) {
        var out = new StringBuilder();
        normal(text).codePoints().forEach(c -> out.appendCodePoint(isHiragana(c) ? c + 0x60 : c));
        return out.toString();
    }

    /** ぁ–ゖ and the iteration marks ゝゞ, whose katakana are 0x60 further on. */
    private static boolean isHiragana(int c) {
        return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E;
    }
}
