package jp.kenpo.privacy.mynumber;

/** The vault holds no individual number for the member. */
public class NoIndividualNumberException extends RuntimeException {

    public NoIndividualNumberException(String member) {
        super("the vault holds no individual number for " + member);
    }
}
