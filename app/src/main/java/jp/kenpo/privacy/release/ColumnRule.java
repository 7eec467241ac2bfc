package jp.kenpo.privacy.release;

import java.util.Locale;

/** How a released column is processed (PPC Rules Art. 34); the spec names it for every column. */
public enum ColumnRule {
    /** A linking code replaced by a keyed hash that cannot be traced back (Rule 34(3)). */
    PSEUDONYM,
    /** A quasi-identifier generalised (or suppressed) by the optimal k-anonymity search (Rule 34(5)). */
    QUASI,
    /** A date coarsened to its year-month (Rule 34(1): no exact date leaves). */
    MONTH,
    /** A value beyond the spec's percentile shown as that percentile's band (Rule 34(4)). */
    TOP_CODE,
    /** A code held by too few persons generalised or removed (Rule 34(4)); diagnoses also (k,m)-anonymous. */
    RARE_CODE,
    /** A coded value released as it is. */
    AS_IS;

    String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ColumnRule parse(String text) {
        for (ColumnRule rule : values()) {
            if (rule.spelling().equals(text)) {
                return rule;
            }
        }
        return null;
    }
}
