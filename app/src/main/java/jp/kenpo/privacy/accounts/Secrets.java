package jp.kenpo.privacy.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The random secrets accounts hand out once: one-time passwords and API tokens. */
final class Secrets {

    /** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
    private static final String READABLE = "abcdefghijkmnpqrstuvwxyz23456789";

    static final String TOKEN_PREFIX = "kenpo_";

    private Secrets() {}

    /** 20 readable characters in groups of five: 100 random bits. */
    static String oneTimePassword(SecureRandom random) {
        var sb = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(READABLE.charAt(random.nextInt(READABLE.length())));
        }
        return sb.toString();
    }

    /** {@code kenpo_} and 256 random bits, base64url. */
    static String apiToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * How a token is stored: its SHA-256. A token has 256 random bits, so a fast hash is enough
     * (no dictionary to try), and it lets a request's token be found by an index lookup.
     */
    static String tokenHash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
