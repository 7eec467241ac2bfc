package jp.kenpo.privacy.formats;

/**
 * A single value could not be converted. Carries only the reason; the reader that called the
 * converter knows the file, line, record and field and turns it into a {@link FormatError}.
 */
public final class InvalidValueException extends RuntimeException {

    public InvalidValueException(String reason) {
        super(reason, null, false, false);
    }
}
