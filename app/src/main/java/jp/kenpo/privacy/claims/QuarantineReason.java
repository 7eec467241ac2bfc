package jp.kenpo.privacy.claims;

/** Why a received record is kept in quarantine instead of being stored against a member. */
public enum QuarantineReason {
    /** The record names no member (a receipt without an HO record, a checkup without identifiers). */
    NO_MEMBER_KEY,
    /** No member of the registry has the card identifiers recorded. */
    UNKNOWN_MEMBER,
    /** No 枝番 was recorded and the household has more than one member of that sex and birth date. */
    AMBIGUOUS_MEMBER,
    /** The member exists but under another insurer number: the record is not the society's. */
    INSURER_MISMATCH,
    /** The identifiers name a member whose sex or birth date differ from the record's. */
    PERSON_MISMATCH,
    /** In lenient mode, a record the reader could not read; the detail says where and why. */
    UNREADABLE
}
