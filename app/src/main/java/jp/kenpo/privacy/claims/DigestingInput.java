package jp.kenpo.privacy.claims;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's bytes with their SHA-256 taken as they are read, so that the digest describes exactly
 * the bytes a reader parsed: the register knows a file by its content, and a content read twice
 * could differ between the readings.
 */
final class DigestingInput extends DigestInputStream {

    private DigestingInput(Path file) throws IOException {
        super(Files.newInputStream(file), sha256());
    }

    static DigestingInput open(Path file) throws IOException {
        return new DigestingInput(file);
    }

    /** The SHA-256 of the whole file, read once. */
    static String sha256(Path file) throws IOException {
        try (DigestingInput in = open(file)) {
            return in.finish();
        }
    }

    /** Reads whatever a reader left (it may stop before the end) and gives the digest of every byte. */
    String finish() throws IOException {
        transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(getMessageDigest().digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
