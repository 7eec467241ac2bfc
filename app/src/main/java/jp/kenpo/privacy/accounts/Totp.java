package jp.kenpo.privacy.accounts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, with the HOTP of RFC 4226): HMAC-SHA1, 30-second
 * steps, 6 digits — what every authenticator app uses by default. A code is accepted for the
 * step before and after the current one (clock drift, RFC 6238 §5.2), and each step only once.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;

    private Totp() {}

    static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a step (RFC 4226 §5.3 dynamic truncation). */
    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24)
                    | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA1", e);
        }
    }

    /**
     * The step whose code this is, if it is the code of the current step or a neighbour and that
     * step comes after {@code lastUsedStep} (a code is good once).
     */
    static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Whether the code is the right one for a step in the window that was used already (to sign
     * in or to confirm the enrolment): its holder has the authenticator and waits for the next code.
     */
    static boolean usedAlready(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
            return false;
        }
        long current = step(now);
        for (long step = current - 1; step <= Math.min(current + 1, lastUsedStep); step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
                return true;
            }
        }
        return false;
    }

    /** The otpauth URI an authenticator app reads from a QR code (Key Uri Format). */
    static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
