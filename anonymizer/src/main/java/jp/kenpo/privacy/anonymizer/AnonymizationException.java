package jp.kenpo.privacy.anonymizer;

/**
 * Bad input or configuration. The message names what is wrong and where (file, line, column,
 * value), so that a clerk can fix the file without reading code.
 */
public class AnonymizationException extends RuntimeException {

    public AnonymizationException(String message) {
        super(message);
    }

    public AnonymizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
