package jp.kenpo.privacy.consent;

/** Who filed the request on the member's behalf, if not the member. */
public enum Filer {
    /** 本人. */
    SELF,
    /** 被保険者: the insured person, for one of their dependents. */
    INSURED_PERSON,
    /** 法定代理人: a legal representative (parent of a minor, guardian). */
    LEGAL_REPRESENTATIVE
}
