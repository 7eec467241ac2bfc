package jp.kenpo.privacy.accounts;

/** What a signed-in person must do before the account's role applies. */
public enum SetupStep {
    /** The password is a one-time password (first start, new account, reset): choose one's own. */
    CHANGE_PASSWORD,
    /** The role needs a second factor and none is enrolled: enrol an authenticator app. */
    ENROL_SECOND_FACTOR
}
