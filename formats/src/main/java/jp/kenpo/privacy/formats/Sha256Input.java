package jp.kenpo.privacy.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes with their SHA-256 taken as they are read, so that a digest describes exactly the bytes a
 * reader parsed: content read twice could differ between the readings. Closing it closes the
 * stream it reads.
 */
public class Sha256Input extends DigestInputStream {

    public Sha256Input(InputStream in) {
        super(in, sha256());
    }

    /** Reads whatever a reader left (it may stop before the end) and gives the digest of every byte, lower-case hex. */
    public String finish() throws IOException {
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
