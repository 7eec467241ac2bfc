package jp.kenpo.privacy.release;

import java.io.OutputStream;
import java.security.SecureRandom;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * The encryptor Bouncy Castle builds, with its integrity digest (the MDC's SHA-1 of the plaintext)
 * taken on a thread of its own ({@link HandOff}): the digest and the cipher read the same bytes
 * independently, and the cipher's feedback chain is the seal's longest, so the digest is moved off
 * it. The digest is complete when Bouncy Castle asks for it, at the end of the packet; a seal that
 * fails stops the thread ({@link #close()}).
 */
final class IntegrityAside implements PGPDataEncryptorBuilder, AutoCloseable {

    private final PGPDataEncryptorBuilder builder;
    private final String threadName;
    private HandOff handOff;

    IntegrityAside(PGPDataEncryptorBuilder builder, String threadName) {
        this.builder = builder;
        this.threadName = threadName;
    }

    @Override
    public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
        PGPDataEncryptor encryptor = builder.build(keyBytes);
        PGPDigestCalculator digest = encryptor.getIntegrityCalculator();
        if (digest == null) {
            return encryptor;
        }
        return new PGPDataEncryptor() {
            @Override
            public OutputStream getOutputStream(OutputStream out) {
                return encryptor.getOutputStream(out);
            }

            @Override
            public PGPDigestCalculator getIntegrityCalculator() {
                return aside(digest);
            }

            @Override
            public int getBlockSize() {
                return encryptor.getBlockSize();
            }
        };
    }

    private PGPDigestCalculator aside(PGPDigestCalculator digest) {
        return new PGPDigestCalculator() {
            @Override
            public int getAlgorithm() {
                return digest.getAlgorithm();
            }

            @Override
            public OutputStream getOutputStream() {
                if (handOff == null) {
                    OutputStream into = digest.getOutputStream();
                    handOff = new HandOff(
                            threadName, "the integrity digest", (bytes, length) -> into.write(bytes, 0, length));
                }
                return handOff;
            }

            @Override
            public byte[] getDigest() {
                if (handOff != null) {
                    try {
                        handOff.finish();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return digest.getDigest();
            }

            @Override
            public void reset() {
                close();
                handOff = null;
                digest.reset();
            }
        };
    }

    /** Stops the digest's thread if a seal failed before the digest was asked for. */
    @Override
    public void close() {
        if (handOff != null) {
            handOff.close();
        }
    }

    @Override
    public PGPDataEncryptor build(byte[] keyBytes, byte[] salt) throws PGPException {
        return builder.build(keyBytes, salt);
    }

    @Override
    public int getAlgorithm() {
        return builder.getAlgorithm();
    }

    @Override
    public int getAeadAlgorithm() {
        return builder.getAeadAlgorithm();
    }

    @Override
    public int getChunkSize() {
        return builder.getChunkSize();
    }

    @Override
    public boolean isV5StyleAEAD() {
        return builder.isV5StyleAEAD();
    }

    @Override
    public SecureRandom getSecureRandom() {
        return builder.getSecureRandom();
    }

    @Override
    public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
        builder.setWithIntegrityPacket(withIntegrityPacket);
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
        builder.setWithAEAD(aeadAlgorithm, chunkSize);
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setUseV5AEAD() {
        builder.setUseV5AEAD();
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setUseV6AEAD() {
        builder.setUseV6AEAD();
        return this;
    }
}
