package jp.kenpo.privacy.requests;

import jp.kenpo.privacy.shared.BadRequestException;

/** No request has the id. */
public class UnknownRequestException extends BadRequestException {

    public UnknownRequestException(long id) {
        super("id", "no request has the id " + id);
    }
}
