package jp.kenpo.privacy.decision;

/** Why a use is denied. */
public enum DenyReason {
    /** The member reserved the purpose (ア) and has not given explicit consent. */
    RESERVED_WITHOUT_CONSENT,
    /** The member had no eligibility period covering the instant. */
    NOT_ELIGIBLE_AT,
    /** No catalog version in force at the instant published the purpose, or it was retired by then. */
    PURPOSE_NOT_IN_FORCE_AT,
    /** No member has the key. */
    UNKNOWN_MEMBER
}
