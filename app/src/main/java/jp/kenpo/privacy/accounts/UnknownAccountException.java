package jp.kenpo.privacy.accounts;

/** No account has the name asked for. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String name) {
        super("no account '" + name + "'");
    }
}
