package jp.kenpo.privacy.members;

/** 本人 (the insured person) or 家族 (a dependent, 被扶養者, who belongs to an insured person). */
public enum MemberKind {
    INSURED,
    DEPENDENT
}
