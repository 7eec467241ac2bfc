package jp.kenpo.privacy.release;

import java.util.Objects;
import java.util.Optional;

/**
 * What seals a release: its id, the SHA-256 of the spec it was built from, the statement to the
 * recipient, and the recipient's OpenPGP public key (ASCII-armored) where the recipient has one.
 * {@link DeliveryMethod#ELECTRONIC} needs the key; {@link DeliveryMethod#PHYSICAL_MEDIA} uses it
 * when present.
 */
public record ReleaseSeal(
        String releaseId, String specSha256, CoverStatement cover, Optional<String> recipientPublicKey) {

    public ReleaseSeal {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(specSha256, "specSha256");
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(recipientPublicKey, "recipientPublicKey");
    }

    public DeliveryMethod method() {
        return cover.method();
    }
}
