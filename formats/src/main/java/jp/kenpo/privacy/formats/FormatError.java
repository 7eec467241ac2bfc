package jp.kenpo.privacy.formats;

import java.util.Objects;

/**
 * One problem found in an input file, located as precisely as the format allows.
 *
 * <p>Printed as {@code FILE:LINE: RECORD FIELD: reason}, the form every command uses on standard
 * error. For XML documents {@code record} names the element path and {@code line} is the parser's
 * line; for a zip archive {@code file} is {@code archive.zip!/entry.xml}.
 *
 * @param file   the file (or archive entry) name as the user gave it
 * @param line   1-based line number, 0 when the problem concerns the file as a whole
 * @param record record type ({@code RE}, {@code SY}, …) or XML element; empty when unknown
 * @param field  field name (Japanese name from the spec where there is one); empty when none
 * @param reason what is wrong, in words a clerk can act on
 */
public record FormatError(String file, long line, String record, String field, String reason) {

    public FormatError {
        Objects.requireNonNull(file, "file");
        record = record == null ? "" : record;
        field = field == null ? "" : field;
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + record + (field.isEmpty() ? "" : " " + field) + ": " + reason;
    }
}
