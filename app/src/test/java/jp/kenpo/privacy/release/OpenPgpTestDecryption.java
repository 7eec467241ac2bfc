package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * Decrypts a sealed archive as the recipient would, with the recipient's secret key, checking on
 * the way what the seal promises: AES-256, an integrity-protected packet whose check passes.
 */
final class OpenPgpTestDecryption {

    /** The plaintext, and the file name the literal packet carries. */
    record Plaintext(String fileName, byte[] bytes) {}

    private OpenPgpTestDecryption() {}

    static Plaintext decrypt(Path encrypted, String armoredSecretKey) throws IOException, PGPException {
        PGPSecretKeyRingCollection secrets;
        try (InputStream keyIn = PGPUtil.getDecoderStream(
                new ByteArrayInputStream(armoredSecretKey.getBytes(StandardCharsets.US_ASCII)))) {
            secrets = new BcPGPSecretKeyRingCollection(keyIn);
        }
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(encrypted))) {
            var objects = new BcPGPObjectFactory(in);
            Object o = objects.nextObject();
            if (o instanceof PGPMarker) {
                o = objects.nextObject();
            }
            var list = (PGPEncryptedDataList) o;
            for (Iterator<PGPEncryptedData> it = list.getEncryptedDataObjects(); it.hasNext(); ) {
                var data = (PGPPublicKeyEncryptedData) it.next();
                PGPSecretKey secret = secrets.getSecretKey(data.getKeyID());
                if (secret == null) {
                    continue;
                }
                PGPPrivateKey key = secret.extractPrivateKey(null);
                var factory = new BcPublicKeyDataDecryptorFactory(key);
                assertThat(data.getSymmetricAlgorithm(factory)).isEqualTo(SymmetricKeyAlgorithmTags.AES_256);
                assertThat(data.isIntegrityProtected())
                        .as("integrity-protected")
                        .isTrue();
                Plaintext plaintext = literal(data.getDataStream(factory));
                assertThat(data.verify()).as("integrity check").isTrue();
                return plaintext;
            }
            throw new PGPException("the archive is not encrypted to this secret key");
        }
    }

    private static Plaintext literal(InputStream clear) throws IOException, PGPException {
        Object o = new BcPGPObjectFactory(clear).nextObject();
        if (o instanceof PGPCompressedData compressed) {
            o = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
        }
        var literal = (PGPLiteralData) o;
        try (InputStream data = literal.getInputStream()) {
            return new Plaintext(literal.getFileName(), data.readAllBytes());
        }
    }
}
