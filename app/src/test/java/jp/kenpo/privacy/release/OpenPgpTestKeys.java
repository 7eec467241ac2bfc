package jp.kenpo.privacy.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Generates OpenPGP test certificates with Bouncy Castle, reproducibly: the same seed, user id,
 * creation time and shape give the same armored bytes, so the committed example vendor key can be
 * checked against its generator. The secret keys are unprotected — they are test keys, published
 * with the examples, and must never seal real data.
 */
final class OpenPgpTestKeys {

    static final String COMMENT = "TEST KEY for the kenpo-privacy examples only - never for real data";

    /** The example vendor of {@code examples/releases/}. */
    static final Spec EXAMPLE_VENDOR = new Spec(
            "example-vendor-2026",
            "Example Claims Analytics (test key) <releases@vendor.example>",
            Instant.parse("2026-01-01T00:00:00Z"),
            3072,
            null,
            null,
            Shape.SIGNING_PRIMARY_AND_ENCRYPTION_SUBKEY);

    enum Shape {
        /** The usual certificate: a primary key that signs, a subkey that encrypts. */
        SIGNING_PRIMARY_AND_ENCRYPTION_SUBKEY,
        /** One key flagged to sign only: there is nothing to encrypt to. */
        SIGNING_ONLY
    }

    /**
     * What to generate; {@code certificateValidFor} and {@code subkeyValidFor} are null for a key
     * without expiry.
     */
    record Spec(
            String seed,
            String userId,
            Instant created,
            int bits,
            Duration certificateValidFor,
            Duration subkeyValidFor,
            Shape shape) {

        Spec withSeed(String s) {
            return new Spec(s, userId, created, bits, certificateValidFor, subkeyValidFor, shape);
        }

        Spec expiring(Duration certificate, Duration subkey) {
            return new Spec(seed, userId, created, bits, certificate, subkey, shape);
        }

        Spec shaped(Shape s) {
            return new Spec(seed, userId, created, bits, certificateValidFor, subkeyValidFor, s);
        }

        Spec small() {
            return new Spec(seed, userId, created, 2048, certificateValidFor, subkeyValidFor, shape);
        }
    }

    /** An armored public certificate and its armored (unprotected) secret key. */
    record KeyPair(String publicKey, String secretKey) {}

    private OpenPgpTestKeys() {}

    static KeyPair generate(Spec spec) {
        try {
            var random = new SeededRandom(spec.seed());
            Date created = Date.from(spec.created());
            PGPKeyPair primary =
                    new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa(spec.bits(), random), created);

            var certification = new PGPSignatureSubpacketGenerator();
            certification.setSignatureCreationTime(false, created);
            certification.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            certification.setPreferredSymmetricAlgorithms(
                    false, new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
            certification.setPreferredHashAlgorithms(
                    false, new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA512});
            certification.setPreferredCompressionAlgorithms(
                    false, new int[] {CompressionAlgorithmTags.ZIP, CompressionAlgorithmTags.UNCOMPRESSED});
            if (spec.certificateValidFor() != null) {
                certification.setKeyExpirationTime(
                        false, spec.certificateValidFor().toSeconds());
            }
            var generator = new PGPKeyRingGenerator(
                    PGPSignature.POSITIVE_CERTIFICATION,
                    primary,
                    spec.userId(),
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                    certification.generate(),
                    null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                    null);
            if (spec.shape() == Shape.SIGNING_PRIMARY_AND_ENCRYPTION_SUBKEY) {
                PGPKeyPair subkey =
                        new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa(spec.bits(), random), created);
                var binding = new PGPSignatureSubpacketGenerator();
                binding.setSignatureCreationTime(false, created);
                binding.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
                if (spec.subkeyValidFor() != null) {
                    binding.setKeyExpirationTime(false, spec.subkeyValidFor().toSeconds());
                }
                generator.addSubKey(subkey, binding.generate(), null);
            }
            return new KeyPair(
                    armor(out -> generator.generatePublicKeyRing().encode(out, true)),
                    armor(out -> generator.generateSecretKeyRing().encode(out)));
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("test key generation failed", e);
        }
    }

    private static AsymmetricCipherKeyPair rsa(int bits, SeededRandom random) {
        var rsa = new RSAKeyPairGenerator();
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, bits, 100));
        return rsa.generateKeyPair();
    }

    private interface Encoding {
        void write(OutputStream out) throws IOException;
    }

    private static String armor(Encoding encoding) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored =
                ArmoredOutputStream.builder().clearHeaders().addComment(COMMENT).build(bytes)) {
            encoding.write(armored);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
