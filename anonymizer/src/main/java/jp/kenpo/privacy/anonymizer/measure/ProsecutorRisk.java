package jp.kenpo.privacy.anonymizer.measure;

/**
 * Re-identification risk under the prosecutor model: the attacker knows the person is in the
 * release and knows their quasi-identifiers, so a record in a class of n records is singled out
 * with probability 1/n. Shares are of the released (not suppressed) records.
 */
public record ProsecutorRisk(
        double highest,
        double average,
        double threshold,
        long recordsAboveThreshold,
        double shareAboveThreshold,
        long sampleUniques,
        double sampleUniqueShare) {}
