package jp.kenpo.privacy.catalog;

/** The languages the notice is rendered in: Japanese as published, English as a translation. */
public enum Language {
    JA,
    EN;

    public static Language of(String tag) {
        return switch (tag.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "ja" -> JA;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + tag + "': use ja or en");
        };
    }
}
