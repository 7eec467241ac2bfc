package jp.kenpo.privacy.release;

import jp.kenpo.privacy.shared.BadRequestException;

/**
 * A release that cannot be sealed as asked, naming the field or the staging file at fault and
 * the reason — never a value from it.
 */
public class SealRefusedException extends BadRequestException {

    public SealRefusedException(String field, String reason) {
        super(field, reason);
    }

    @Override
    public String getMessage() {
        return field() + ": " + super.getMessage();
    }
}
