package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP encryption of one stream to one key (RFC 4880): AES-256 in an integrity-protected
 * packet (SEIPD with a modification detection code, which GnuPG and every current OpenPGP tool
 * read), over a ZIP-compressed binary literal packet. Bouncy Castle's lightweight API is used, so
 * no JCA provider is registered in the JVM.
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
        var encryption = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(random));
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random));
        try (OutputStream encrypted = encryption.open(out, new byte[BUFFER]);
                OutputStream compressed =
                        new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP).open(encrypted, new byte[BUFFER]);
                OutputStream literal = new PGPLiteralDataGenerator()
                        .open(compressed, PGPLiteralData.BINARY, fileName, modified, new byte[BUFFER])) {
            body.write(literal);
        } catch (PGPException e) {
            throw new IOException("OpenPGP encryption failed: " + e.getMessage(), e);
        }
    }
}
