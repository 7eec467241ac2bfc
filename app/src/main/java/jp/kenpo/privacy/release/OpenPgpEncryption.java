package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * OpenPGP encryption of one stream to one key (RFC 4880): AES-256 in an integrity-protected
 * packet (SEIPD with a modification detection code, which GnuPG and every current OpenPGP tool
 * read) around one binary literal packet. The bulk cipher and the MDC's SHA-1 come from the JDK's
 * own provider (AES-NI), three to five times faster here than Bouncy Castle's table-driven AES;
 * the session key is wrapped with Bouncy Castle's lightweight RSA/ECDH. No provider is registered
 * in the JVM. The SHA-1 is taken on a thread of its own ({@link IntegrityAside}) beside the
 * cipher's chain, which is the seal's longest.
 *
 * <p>No compressed packet: deflate, even at its fastest level, made sealing about twice as slow on
 * a year's tables (the pseudonyms are hex and barely compress) for a file 42 % smaller, and RFC
 * 9580 advises against compressing in OpenPGP. The recipient may compress what it stores.
 */
final class OpenPgpEncryption {

    private static final int BUFFER = 1 << 16;

    private OpenPgpEncryption() {}

    interface Body {
        void write(OutputStream plaintext) throws IOException;
    }

    /** Writes to {@code out} the encryption of what {@code body} writes; leaves {@code out} open. */
    static void encrypt(OutputStream out, PGPPublicKey key, String fileName, Date modified, Body body)
            throws IOException {
        var random = new SecureRandom();
        try (var integrity = new IntegrityAside(
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(random),
                "seal-mdc-" + fileName)) {
            var encryption = new PGPEncryptedDataGenerator(integrity);
            encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random));
            try (OutputStream encrypted = encryption.open(out, new byte[BUFFER]);
                    OutputStream literal = new PGPLiteralDataGenerator()
                            .open(encrypted, PGPLiteralData.BINARY, fileName, modified, new byte[BUFFER])) {
                body.write(literal);
            } catch (PGPException e) {
                throw new IOException("OpenPGP encryption failed: " + e.getMessage(), e);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
