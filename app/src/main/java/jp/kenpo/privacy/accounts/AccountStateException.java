package jp.kenpo.privacy.accounts;

/** The account is not in a state that allows the request (e.g. a second factor is already enrolled). */
public class AccountStateException extends RuntimeException {

    public AccountStateException(String reason) {
        super(reason);
    }
}
