package jp.kenpo.privacy.anonymizer.model;

/**
 * A privacy model the released table must satisfy. Models combine: a release satisfies every
 * model it is given. They are the "measures according to the characteristics of the database"
 * of PPC rules Art. 34 (5) (個人情報データベース等の性質を勘案した適切な措置).
 */
public sealed interface PrivacyModel permits KAnonymity, SensitiveModel, KmAnonymity {

    /** Plain words for reports, e.g. {@code 5-anonymity}. */
    String describe();
}
