package jp.kenpo.privacy.mynumber;

/**
 * A read of individual numbers the law or the society's rules do not allow: a purpose that is not
 * a My Number purpose (My Number Act Art. 9, 19, 20), or a role not among the number's handlers.
 * The refusal is already in the audit trail when this is thrown.
 */
public class MyNumberRefusedException extends RuntimeException {

    public MyNumberRefusedException(String reason) {
        super(reason);
    }
}
