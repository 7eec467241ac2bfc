package jp.kenpo.privacy.formats;

import java.util.Objects;

/**
 * A record (a receipt, a checkup document) that a reader in lenient mode left out.
 *
 * @param name         the file, or the archive entry, the record is in
 * @param line         the line on which the record starts in it (the RE of a receipt; 1 for a document)
 * @param problem      the first problem found in it, the reason it was left out
 * @param text         the record as it stood in the file (see {@link RawText}), at most
 *                     {@link #MAX_TEXT_BYTES} bytes of it; empty when the reader was not asked to keep it
 * @param omittedBytes bytes of the record beyond what {@code text} holds (0 when it is whole)
 */
public record UnreadableRecord(String name, long line, FormatError problem, String text, long omittedBytes) {

    /**
     * The most of a record's bytes kept: a real receipt is a few kilobytes and a checkup document a
     * few tens; a hostile record must not fill the quarantine. {@link RawText} makes at most four
     * characters of a byte, so the text stays under a million characters.
     */
    public static final int MAX_TEXT_BYTES = 200 * 1024;

    public UnreadableRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(text, "text");
    }
}
