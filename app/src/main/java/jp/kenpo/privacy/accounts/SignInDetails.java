package jp.kenpo.privacy.accounts;

/**
 * What a sign-in carries besides name and password: the address it came from and the second
 * factor's code. Its toString never shows the code.
 */
public record SignInDetails(String source, String code) {

    @Override
    public String toString() {
        return "SignInDetails[" + source + "]";
    }
}
