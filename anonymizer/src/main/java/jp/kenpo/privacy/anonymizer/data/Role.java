package jp.kenpo.privacy.anonymizer.data;

/** What a column is to the anonymization. */
public enum Role {
    /**
     * 個人識別符号・氏名など: removed from every release. PPC rules Art. 34 (1) and (2): identifying
     * descriptions and individual identification codes are deleted.
     */
    IDENTIFYING,
    /** 準識別子: generalized or suppressed until the privacy models hold. */
    QUASI_IDENTIFYING,
    /** Released as is, protected by l-diversity or t-closeness. */
    SENSITIVE,
    /** Released as is. */
    INSENSITIVE,
    /** A person's set of items (e.g. diagnosis codes), protected by (k,m)-anonymity. */
    SET_VALUED;

    /** The role as messages and reports name it, e.g. {@code quasi-identifying}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
