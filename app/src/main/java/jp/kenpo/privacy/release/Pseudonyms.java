package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Linking codes replaced by HMAC-SHA-256 under the release's key (PPC Rules Art. 34(3)): without
 * the key nobody can go from a pseudonym back to the member, receipt or facility, nor compute the
 * pseudonym of a member they know. The key is 加工方法等情報 (processing-method information): it
 * never leaves the society with the data, and {@link #destroy()} wipes it once a per-release build
 * is done. Each kind of code has its own prefix, so a member id and a receipt number never share
 * a pseudonym. 128 bits of the hash are kept: collisions are out of reach at any society's size.
 *
 * <p>The HMAC is computed as RFC 2104 section 4 allows: the hash states after the key's inner and
 * outer pad blocks are computed once and copied for each code, so a code costs two compressions
 * of SHA-256 instead of the four of {@code javax.crypto.Mac}, which hashes both pads again every
 * time. A year's 12 M codes (receipts, checkups, persons) took 5–6 s of a core through {@code Mac}.
 * The values are the same ({@code PseudonymsTest} compares them with {@code Mac}).
 */
final class Pseudonyms implements AutoCloseable {

    static final int KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final VarHandle HALF = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final int BLOCK = 64;

    private final byte[] key;
    /** SHA-256 after the block key XOR ipad; copied for each code, never updated itself. */
    private final MessageDigest inner;
    /** SHA-256 after the block key XOR opad. */
    private final MessageDigest outer;

    private byte[] code = new byte[64];
    private int length;

    Pseudonyms(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key has " + KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        inner = sha256();
        outer = sha256();
        // the key is shorter than a block: zero-padded, then XORed with each pad (RFC 2104 section 2)
        byte[] pad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < KEY_BYTES ? this.key[i] : 0) ^ 0x36);
        }
        inner.update(pad);
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < KEY_BYTES ? this.key[i] : 0) ^ 0x5c);
        }
        outer.update(pad);
        Arrays.fill(pad, (byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
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
        return hex(start("person:").number(memberId).hmac());
    }

    /**
     * Adds the receipt's pseudonym to {@code bits} as its two halves: a year's 10 M receipts held
     * as 160 MB of numbers instead of 720 MB of strings, for the lines that name them.
     */
    void receipt(long fileId, int seq, LongArrayList bits) {
        byte[] hash = start("receipt:").number(fileId).text(":").number(seq).hmac();
        bits.add((long) HALF.get(hash, 0));
        bits.add((long) HALF.get(hash, 8));
    }

    /** The pseudonym held at {@code index} of {@code bits} (see {@link #receipt(long, int, LongArrayList)}). */
    static String hex(LongArrayList bits, int index) {
        return HEX.toHexDigits(bits.getLong(2 * index)) + HEX.toHexDigits(bits.getLong(2 * index + 1));
    }

    String checkup(long fileId, int seq) {
        return hex(start("checkup:").number(fileId).text(":").number(seq).hmac());
    }

    String facility(String code) {
        return hex(start("facility:").text(code).hmac());
    }

    private static String hex(byte[] hash) {
        return HEX.formatHex(hash, 0, 16);
    }

    /** Begins the code to hash with its kind's prefix (the code is built in place, no string made). */
    private Pseudonyms start(String prefix) {
        length = 0;
        return text(prefix);
    }

    /** Appends text; a code is US-ASCII (a facility code outside it is hashed as its '?'s, as before). */
    private Pseudonyms text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        room(bytes.length);
        System.arraycopy(bytes, 0, code, length, bytes.length);
        length += bytes.length;
        return this;
    }

    /** Appends a number's decimal digits, as {@code Long.toString} writes them. */
    private Pseudonyms number(long n) {
        if (n < 0) {
            return text(Long.toString(n));
        }
        int digits = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            digits++;
        }
        room(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            code[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        length += digits;
        return this;
    }

    private void room(int more) {
        if (length + more > code.length) {
            code = Arrays.copyOf(code, Math.max(length + more, code.length * 2));
        }
    }

    /** HMAC-SHA-256 of the code built: H(K^opad || H(K^ipad || code)) from the two saved states. */
    private byte[] hmac() {
        try {
            MessageDigest in = (MessageDigest) inner.clone();
            in.update(code, 0, length);
            MessageDigest out = (MessageDigest) outer.clone();
            out.update(in.digest());
            return out.digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be copied", e);
        }
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
        Arrays.fill(code, (byte) 0);
        inner.reset();
        outer.reset();
    }

    @Override
    public void close() {
        destroy();
    }
}
