package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Linking codes replaced by HMAC-SHA-256 under the release's key (PPC Rules Art. 34(3)): without
 * the key nobody can go from a pseudonym back to the member, receipt or facility, nor compute the
 * pseudonym of a member they know. The key is 加工方法等情報 (processing-method information): it
 * never leaves the society with the data, and {@link #destroy()} wipes it once a per-release build
 * is done. Each kind of code has its own prefix, so a member id and a receipt number never share
 * a pseudonym. 128 bits of the hash are kept: collisions are out of reach at any society's size.
 */
final class Pseudonyms implements AutoCloseable {

    static final int KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final VarHandle HALF = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] key;
    private final Mac mac;

    Pseudonyms(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key has " + KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** The same pseudonyms for another thread (a MAC serves one thread); closed apart. */
    Pseudonyms copy() {
        return new Pseudonyms(key);
    }

    static byte[] randomKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    String person(long memberId) {
        return of("person:" + memberId);
    }

    /**
     * Adds the receipt's pseudonym to {@code bits} as its two halves: a year's 10 M receipts held
     * as 160 MB of numbers instead of 720 MB of strings, for the lines that name them.
     */
    void receipt(long fileId, int seq, LongArrayList bits) {
        byte[] hash = mac.doFinal(("receipt:" + fileId + ":" + seq).getBytes(StandardCharsets.US_ASCII));
        bits.add((long) HALF.get(hash, 0));
        bits.add((long) HALF.get(hash, 8));
    }

    /** The pseudonym held at {@code index} of {@code bits} (see {@link #receipt(long, int, LongArrayList)}). */
    static String hex(LongArrayList bits, int index) {
        return HEX.toHexDigits(bits.getLong(2 * index)) + HEX.toHexDigits(bits.getLong(2 * index + 1));
    }

    String checkup(long fileId, int seq) {
        return of("checkup:" + fileId + ":" + seq);
    }

    String facility(String code) {
        return of("facility:" + code);
    }

    private String of(String code) {
        byte[] hash = mac.doFinal(code.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(hash, 0, 16);
    }

    /** Whether a cell has the form every pseudonym has (32 lower-case hex digits). */
    static boolean looksLikePseudonym(String cell) {
        if (cell.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = cell.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Wipes the key: a per-release key must not outlive its build (nothing may link two releases). */
    void destroy() {
        Arrays.fill(key, (byte) 0);
        mac.reset();
    }

    @Override
    public void close() {
        destroy();
    }
}
