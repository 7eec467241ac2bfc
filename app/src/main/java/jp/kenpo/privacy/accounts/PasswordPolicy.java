package jp.kenpo.privacy.accounts;

import java.nio.charset.StandardCharsets;

/**
 * What a chosen password must be (OWASP ASVS 2.1): at least 12 characters, any characters at all
 * (no composition rules), at most 64 characters and 72 bytes in UTF-8 — bcrypt reads no further,
 * so a longer password would only seem stronger.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Why the password cannot be used, or null when it can. */
    static String problem(String password, String accountName) {
        if (password == null || password.isEmpty()) {
            return "the new password is missing";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "the new password must have at least " + MIN_LENGTH + " characters";
        }
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "the new password must have at most " + MAX_LENGTH + " characters and " + MAX_BYTES
                    + " bytes in UTF-8 (a kanji or kana takes 3)";
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(accountName.toLowerCase(java.util.Locale.ROOT))) {
            return "the new password must not contain the account name";
        }
        return null;
    }

    /** Whether bcrypt can take the password at all; longer ones never match. */
    static boolean fitsBcrypt(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
