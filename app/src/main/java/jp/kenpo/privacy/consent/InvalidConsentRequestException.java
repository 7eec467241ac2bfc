package jp.kenpo.privacy.consent;

/** A consent request that cannot be recorded, naming the field at fault. */
public class InvalidConsentRequestException extends RuntimeException {

    private final String field;

    public InvalidConsentRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
