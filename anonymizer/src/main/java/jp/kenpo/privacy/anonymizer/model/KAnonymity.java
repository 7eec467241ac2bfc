package jp.kenpo.privacy.anonymizer.model;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/** k-anonymity: every released record shares its quasi-identifiers with at least k-1 others. */
public record KAnonymity(int k) implements PrivacyModel {

    public KAnonymity {
        if (k < 1) {
            throw new AnonymizationException("k-anonymity: k = " + k + " is below 1");
        }
    }

    @Override
    public String describe() {
        return k + "-anonymity";
    }
}
