package jp.kenpo.privacy.anonymizer.model;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Entropy l-diversity: in every class the entropy of the sensitive values is at least log(l),
 * so no value dominates even when l distinct values are present.
 */
public record EntropyLDiversity(String column, double l) implements SensitiveModel {

    public EntropyLDiversity {
        if (!(l >= 1)) {
            throw new AnonymizationException("entropy l-diversity on '" + column + "': l = " + l + " is below 1");
        }
    }

    @Override
    public boolean holds(ClassDistribution distribution) {
        double size = distribution.size();
        double entropy = 0;
        for (int i = 0; i < distribution.distinct(); i++) {
            double p = distribution.count(i) / size;
            entropy -= p * Math.log(p);
        }
        // a small tolerance: a class of exactly l equally frequent values must pass
        return entropy >= Math.log(l) - 1e-12;
    }

    @Override
    public boolean monotoneWithSuppression() {
        return false;
    }

    @Override
    public String describe() {
        return "entropy " + ClassDistribution.format(l) + "-diversity on '" + column + "'";
    }
}
