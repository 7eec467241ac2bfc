package jp.kenpo.privacy.anonymizer.model;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * (k,m)-anonymity on a set-valued column: an attacker who knows up to m items of a person (e.g.
 * diagnoses) finds either no released record or at least k records holding them all.
 */
public record KmAnonymity(String column, int k, int m) implements PrivacyModel {

    public KmAnonymity {
        if (k < 1) {
            throw new AnonymizationException("(k,m)-anonymity on '" + column + "': k = " + k + " is below 1");
        }
        if (m < 1) {
            throw new AnonymizationException("(k,m)-anonymity on '" + column + "': m = " + m + " is below 1");
        }
    }

    @Override
    public String describe() {
        return "(" + k + "," + m + ")-anonymity on '" + column + "'";
    }
}
