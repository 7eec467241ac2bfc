package jp.kenpo.privacy.release;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A random source that gives the same bytes for the same seed (SHA-256 of seed and counter), so
 * that the example keys can be generated again bit for bit. For test keys only: a key made from a
 * known seed is a known key.
 */
final class SeededRandom extends SecureRandom {

    private final byte[] seed;
    private final MessageDigest sha256;
    private long counter;
    private byte[] block = new byte[0];
    private int next;

    SeededRandom(String seed) {
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (next == block.length) {
                sha256.update(seed);
                sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                block = sha256.digest();
                next = 0;
            }
            bytes[i] = block[next++];
        }
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] b = new byte[numBytes];
        nextBytes(b);
        return b;
    }

    @Override
    public void setSeed(long ignored) {
        // the seed is fixed at construction; SecureRandom's constructor calls this before it is
    }

    @Override
    public void setSeed(byte[] ignored) {}
}
