package jp.kenpo.privacy.anonymizer.model;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/** Distinct l-diversity: every class holds at least l different sensitive values. */
public record DistinctLDiversity(String column, int l) implements SensitiveModel {

    public DistinctLDiversity {
        if (l < 1) {
            throw new AnonymizationException("l-diversity on '" + column + "': l = " + l + " is below 1");
        }
    }

    @Override
    public boolean holds(ClassDistribution distribution) {
        return distribution.distinct() >= l;
    }

    @Override
    public boolean monotoneWithSuppression() {
        return true;
    }

    @Override
    public String describe() {
        return "distinct " + l + "-diversity on '" + column + "'";
    }
}
