package jp.kenpo.privacy.formats;

/** Thrown by a reader in strict mode, and by any reader for errors it cannot step over. */
public final class FormatException extends RuntimeException {

    private final transient FormatError error;

    public FormatException(FormatError error) {
        super(error.toString());
        this.error = error;
    }

    public FormatException(FormatError error, Throwable cause) {
        super(error.toString(), cause);
        this.error = error;
    }

    public FormatError error() {
        return error;
    }
}
