package jp.kenpo.privacy.release;

import jp.kenpo.privacy.shared.BadRequestException;

/**
 * A release that may not be built, approved or delivered, naming the field (of the spec or the
 * registry row) and the reason; never a member or a value of the data.
 */
public class ReleaseRefusedException extends BadRequestException {

    public ReleaseRefusedException(String field, String reason) {
        super(field, reason);
    }
}
