package jp.kenpo.privacy.anonymizer.model;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Recursive (c,l)-diversity: in every class the most frequent sensitive value occurs less than c
 * times as often as the values from the l-th most frequent on together (r1 &lt; c (rl + … + rm)).
 */
public record RecursiveCLDiversity(String column, double c, int l) implements SensitiveModel {

    public RecursiveCLDiversity {
        if (l < 2) {
            throw new AnonymizationException("recursive (c,l)-diversity on '" + column + "': l = " + l + " is below 2");
        }
        if (!(c > 0)) {
            throw new AnonymizationException(
                    "recursive (c,l)-diversity on '" + column + "': c = " + c + " is not positive");
        }
    }

    @Override
    public boolean holds(ClassDistribution distribution) {
        int distinct = distribution.distinct();
        if (distinct < l) {
            return false;
        }
        int[] counts = distribution.sortedCounts(); // ascending: r1 last, rl..rm the first m-l+1
        long tail = 0;
        for (int i = 0; i <= distinct - l; i++) {
            tail += counts[i];
        }
        return counts[distinct - 1] < c * tail;
    }

    @Override
    public boolean monotoneWithSuppression() {
        return false;
    }

    @Override
    public String describe() {
        return "recursive (" + ClassDistribution.format(c) + "," + l + ")-diversity on '" + column + "'";
    }
}
