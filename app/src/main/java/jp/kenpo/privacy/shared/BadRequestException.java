package jp.kenpo.privacy.shared;

/** A request the API cannot take, naming the field at fault. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
