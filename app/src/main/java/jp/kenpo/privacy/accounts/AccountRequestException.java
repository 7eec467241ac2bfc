package jp.kenpo.privacy.accounts;

import jp.kenpo.privacy.shared.BadRequestException;

/** A request about an account that cannot be taken as it is, naming the field at fault. */
public class AccountRequestException extends BadRequestException {

    public AccountRequestException(String field, String reason) {
        super(field, reason);
    }
}
