package jp.kenpo.privacy.formats;

/** What a reader does when a unit (receipt, checkup document) is bad. */
public enum ReadMode {
    /** Stop at the first error by throwing {@link FormatException}. */
    STRICT,
    /** Report the error, skip the unit it belongs to, and go on with the next one. */
    LENIENT
}
