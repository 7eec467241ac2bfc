package jp.kenpo.privacy.anonymizer.model;

/**
 * A model on the values of one sensitive column inside each equivalence class: l-diversity or
 * t-closeness. A class that fails it is suppressed.
 */
public sealed interface SensitiveModel extends PrivacyModel
        permits DistinctLDiversity, EntropyLDiversity, RecursiveCLDiversity, TCloseness {

    /** The sensitive column it protects. */
    String column();

    /** Whether one equivalence class, with its distribution of sensitive values, satisfies it. */
    boolean holds(ClassDistribution distribution);

    /**
     * Whether merging a satisfying class with any other class always satisfies it again. Then
     * the records that must be suppressed can only shrink as generalization grows, and the
     * search may prune with a suppression limit too; otherwise only without suppression.
     */
    boolean monotoneWithSuppression();

    /** Whether the model needs a hierarchy on its sensitive column. */
    default boolean needsHierarchy() {
        return false;
    }
}
