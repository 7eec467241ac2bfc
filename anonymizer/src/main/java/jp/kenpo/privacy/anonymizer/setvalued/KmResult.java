package jp.kenpo.privacy.anonymizer.setvalued;

import java.util.List;

/**
 * How a set-valued column was made (k,m)-anonymous: the hierarchy level its items were
 * generalized to, the generalized items removed from every record, and the support counts
 * before and after (an itemset of at most m items held by 1 to k-1 records is a violation).
 */
public record KmResult(
        String column,
        int k,
        int m,
        int level,
        int levels,
        List<String> suppressedItems,
        long suppressedOccurrences,
        long occurrences,
        double loss,
        long violationsBefore,
        long violationsAfter,
        long smallestSupportAfter) {

    public KmResult {
        suppressedItems = List.copyOf(suppressedItems);
    }
}
