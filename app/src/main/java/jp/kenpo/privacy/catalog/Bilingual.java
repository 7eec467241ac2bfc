package jp.kenpo.privacy.catalog;

import java.util.Objects;

/** A text of the notice: Japanese exactly as published, and its English translation. */
public record Bilingual(String ja, String en) {

    public Bilingual {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    public String in(Language language) {
        return language == Language.JA ? ja : en;
    }
}
