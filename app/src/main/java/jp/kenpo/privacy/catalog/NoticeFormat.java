package jp.kenpo.privacy.catalog;

import java.util.Locale;

/** The forms the notice is rendered in. */
public enum NoticeFormat {
    /** Plain text, line for line as published. */
    TXT("text/plain"),
    MD("text/markdown"),
    HTML("text/html");

    private final String mediaType;

    NoticeFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static NoticeFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown notice format '" + name + "': use txt, md or html");
        }
    }
}
