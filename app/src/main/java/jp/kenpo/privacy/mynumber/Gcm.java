package jp.kenpo.privacy.mynumber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM as the vault uses it: a fresh random 96-bit nonce for every encryption (never
 * reused under one key), a 128-bit tag, and associated data binding each ciphertext to where it
 * belongs, so that a ciphertext moved to another row does not decrypt. One instance holds one
 * Cipher: use it from one thread.
 */
final class Gcm {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** Nonce and ciphertext (with its tag). */
    record Sealed(byte[] nonce, byte[] ciphertext) {}

    private final Cipher cipher;

    Gcm() {
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES/GCM", e);
        }
    }

    Sealed seal(SecretKey key, byte[] plaintext, String associated, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.US_ASCII));
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws VaultIntegrityException when the ciphertext, nonce or associated data was changed, or the key is wrong */
    byte[] open(SecretKey key, byte[] nonce, byte[] ciphertext, String associated) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new VaultIntegrityException(
                    "a sealed value does not open: it was changed, moved, or the key is wrong");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Nonce and ciphertext as one byte string, for a wrapped key. */
    static byte[] join(Sealed s) {
        return ByteBuffer.allocate(s.nonce().length + s.ciphertext().length)
                .put(s.nonce())
                .put(s.ciphertext())
                .array();
    }

    static Sealed split(byte[] joined) {
        byte[] nonce = java.util.Arrays.copyOfRange(joined, 0, NONCE_BYTES);
        return new Sealed(nonce, java.util.Arrays.copyOfRange(joined, NONCE_BYTES, joined.length));
    }

    /** A sealed value that does not open. */
    static final class VaultIntegrityException extends RuntimeException {
        VaultIntegrityException(String reason) {
            super(reason);
        }
    }
}
