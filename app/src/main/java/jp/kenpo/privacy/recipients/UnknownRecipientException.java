package jp.kenpo.privacy.recipients;

import jp.kenpo.privacy.shared.BadRequestException;

/** No recipient is registered under the id given in the field named. */
public class UnknownRecipientException extends BadRequestException {

    public UnknownRecipientException(String field, String id) {
        // an id of the register's shape is the society's code, not a person's value: it may be repeated
        super(
                field,
                RecipientRegister.isId(id)
                        ? "no recipient " + id + " in the register"
                        : "no recipient with that id in the register (" + RecipientRegister.ID_FORM + ")");
    }
}
