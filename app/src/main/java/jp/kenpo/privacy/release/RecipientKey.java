package jp.kenpo.privacy.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import jp.kenpo.privacy.shared.SocietyTime;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * The recipient's OpenPGP certificate, and the one key of it a release is encrypted to: a key
 * whose algorithm can encrypt, bound to the certificate by a signature that verifies, flagged for
 * encryption where flags are given, neither revoked nor expired at the time of sealing. Anything
 * else is refused, naming the field and why — the key is never guessed at.
 */
final class RecipientKey {

    static final String FIELD = "recipientPublicKey";

    private static final String PUBLIC_BLOCK = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    /** Why a key whose algorithm could encrypt is not used. */
    private enum Unusable {
        UNBOUND,
        NOT_FOR_ENCRYPTION,
        REVOKED
    }

    private static final int ENCRYPTS = KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE;

    private RecipientKey() {}

    /** The key to encrypt to, valid at {@code now}. */
    static PGPPublicKey encryptionKey(String armored, Instant now) {
        PGPPublicKeyRing ring = certificate(armored);
        PGPPublicKey primary = ring.getPublicKey();
        if (primary.hasRevocation()) {
            throw refused("the certificate is revoked");
        }
        Optional<Instant> primaryExpiry = expiry(primary, primary.getValidSeconds());
        if (primaryExpiry.isPresent() && !primaryExpiry.get().isAfter(now)) {
            throw refused("the certificate expired on " + SocietyTime.dateOf(primaryExpiry.get()));
        }
        var usable = new ArrayList<PGPPublicKey>();
        var unusable = EnumSet.noneOf(Unusable.class);
        Instant lastExpired = null;
        for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
            PGPPublicKey key = keys.next();
            if (!key.isEncryptionKey()) {
                continue;
            }
            Optional<PGPSignature> binding = key.isMasterKey() ? selfCertification(primary) : binding(primary, key);
            if (binding.isEmpty()) {
                unusable.add(Unusable.UNBOUND);
                continue;
            }
            if (!flaggedForEncryption(binding.get())) {
                unusable.add(Unusable.NOT_FOR_ENCRYPTION);
                continue;
            }
            if (revoked(key)) {
                unusable.add(Unusable.REVOKED);
                continue;
            }
            long validSeconds = key.isMasterKey()
                    ? primary.getValidSeconds()
                    : hashed(binding.get())
                            .map(PGPSignatureSubpacketVector::getKeyExpirationTime)
                            .orElse(0L);
            Optional<Instant> expiry = expiry(key, validSeconds);
            if (expiry.isPresent() && !expiry.get().isAfter(now)) {
                lastExpired = lastExpired == null || expiry.get().isAfter(lastExpired) ? expiry.get() : lastExpired;
                continue;
            }
            usable.add(key);
        }
        if (usable.isEmpty()) {
            if (lastExpired != null) {
                throw refused("its encryption key expired on " + SocietyTime.dateOf(lastExpired));
            }
            if (unusable.contains(Unusable.REVOKED)) {
                throw refused("its encryption key is revoked");
            }
            if (unusable.contains(Unusable.UNBOUND)) {
                throw refused("its encryption key is not bound to the certificate by a valid signature");
            }
            throw refused("is not an encryption key: the certificate's keys are for signing only");
        }
        // the newest key: a recipient who added a new encryption subkey wants it used
        return usable.stream()
                .max(Comparator.comparing(PGPPublicKey::getCreationTime))
                .orElseThrow();
    }

    private static PGPPublicKeyRing certificate(String armored) {
        if (armored.isBlank()) {
            throw refused("is empty");
        }
        if (armored.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
            throw refused("is a secret key: give the recipient's public key (a secret key never belongs here)");
        }
        int blocks = armored.split(PUBLIC_BLOCK, -1).length - 1;
        if (blocks == 0) {
            throw refused("is not an ASCII-armored OpenPGP public key (" + PUBLIC_BLOCK + ")");
        }
        if (blocks > 1) {
            // a reader stops after the first block: the others would be dropped without a word
            throw refused("holds " + blocks + " armored key blocks: give exactly the recipient's one");
        }
        PGPPublicKeyRingCollection rings;
        try (InputStream in =
                PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            rings = new BcPGPPublicKeyRingCollection(in);
        } catch (IOException | PGPException | RuntimeException e) {
            throw refused("cannot be read as an OpenPGP public key (damaged armor or packets)");
        }
        if (rings.size() != 1) {
            throw refused(
                    rings.size() == 0
                            ? "holds no OpenPGP certificate"
                            : "holds " + rings.size() + " certificates: give exactly the recipient's one");
        }
        return rings.getKeyRings().next();
    }

    /** The newest subkey binding signature that verifies against the primary key. */
    private static Optional<PGPSignature> binding(PGPPublicKey primary, PGPPublicKey subkey) {
        PGPSignature newest = null;
        for (Iterator<PGPSignature> sigs = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING); sigs.hasNext(); ) {
            PGPSignature sig = sigs.next();
            if (verifies(() -> {
                        sig.init(new BcPGPContentVerifierBuilderProvider(), primary);
                        return sig.verifyCertification(primary, subkey);
                    })
                    && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
                newest = sig;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The newest self-certification of a user id of the primary key that verifies. */
    private static Optional<PGPSignature> selfCertification(PGPPublicKey primary) {
        PGPSignature newest = null;
        for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
            String id = ids.next();
            for (Iterator<PGPSignature> sigs = primary.getSignaturesForID(id); sigs.hasNext(); ) {
                PGPSignature sig = sigs.next();
                if (sig.getKeyID() == primary.getKeyID()
                        && sig.isCertification()
                        && verifies(() -> {
                            sig.init(new BcPGPContentVerifierBuilderProvider(), primary);
                            return sig.verifyCertification(id, primary);
                        })
                        && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
                    newest = sig;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static boolean flaggedForEncryption(PGPSignature binding) {
        // RFC 4880 §5.2.3.21: a key without flags may be used for what its algorithm allows
        return hashed(binding)
                .filter(h -> h.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS))
                .map(h -> (h.getKeyFlags() & ENCRYPTS) != 0)
                .orElse(true);
    }

    private static boolean revoked(PGPPublicKey subkey) {
        return !subkey.isMasterKey()
                && subkey.getSignaturesOfType(PGPSignature.SUBKEY_REVOCATION).hasNext();
    }

    private static Optional<PGPSignatureSubpacketVector> hashed(PGPSignature sig) {
        return Optional.ofNullable(sig.getHashedSubPackets());
    }

    private static Optional<Instant> expiry(PGPPublicKey key, long validSeconds) {
        return validSeconds <= 0
                ? Optional.empty()
                : Optional.of(key.getCreationTime().toInstant().plusSeconds(validSeconds));
    }

    private interface Check {
        boolean run() throws PGPException;
    }

    private static boolean verifies(Check check) {
        try {
            return check.run();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    static SealRefusedException refused(String reason) {
        return new SealRefusedException(FIELD, reason);
    }

    /** Why a method needs a key it was not given. */
    static SealRefusedException missing(DeliveryMethod method) {
        return refused("is missing: " + method + " releases are encrypted to the recipient's OpenPGP key");
    }
}
