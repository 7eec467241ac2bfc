package jp.kenpo.privacy.release;

/**
 * A release that cannot be sealed as asked, naming the field or the staging file at fault and
 * the reason — never a value from it. The message is {@code field: reason}; the API answers it as
 * a bad request, as any {@link IllegalArgumentException}.
 */
public class SealRefusedException extends IllegalArgumentException {

    private final String field;

    public SealRefusedException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
