package jp.kenpo.privacy.formats.synthetic;

/** 被保険者 (insured) or 被扶養者 (dependent), written as the member CSV spells them. */
public enum MemberKind {
    INSURED("insured"),
    DEPENDENT("dependent");

    private final String csv;

    MemberKind(String csv) {
        this.csv = csv;
    }

    public String csv() {
        return csv;
    }
}
