package jp.kenpo.privacy.accounts;

/** A TOTP secret being enrolled, as text and as the otpauth URI an authenticator app reads. Shown once. */
public record SecondFactorSetup(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "SecondFactorSetup[…]";
    }
}
