package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The archive file as it is written: its SHA-256 taken and its bytes written on a thread of their
 * own ({@link HandOff}), while the sealing thread packs and encrypts the next.
 */
final class ArchiveOutput extends OutputStream {

    private final MessageDigest sha256;
    private final HandOff handOff;

    ArchiveOutput(FileChannel channel, String name) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        this.handOff = new HandOff("seal-" + name, "writing the archive", (bytes, length) -> {
            sha256.update(bytes, 0, length);
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        handOff.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        handOff.write(b, off, len);
    }

    /** Writes what is left, waits for the writing thread; returns the SHA-256 of every byte written. */
    String finish() throws IOException {
        handOff.finish();
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** After {@link #finish()}, nothing; otherwise (a failed seal) stops the writing thread. */
    @Override
    public void close() {
        handOff.close();
    }
}
