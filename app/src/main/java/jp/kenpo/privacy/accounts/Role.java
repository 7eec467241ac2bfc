package jp.kenpo.privacy.accounts;

/** Who may do what. An account has exactly one role. */
public enum Role {
    /** 個人情報保護管理者: keeps the catalog, manages accounts, runs provisions and releases, and everything a clerk does. */
    PRIVACY_OFFICER,
    /** 事務担当: records consent events, imports and reads members, asks for decisions, handles individual numbers. */
    CLERK,
    /** Reads records and the audit trail; changes nothing. */
    AUDITOR,
    /** Another system of the society: decisions (and individual numbers for its My Number work), by API token only. */
    SYSTEM,
    /** An insured person or dependent: only their own data; an insured person also that of their dependents. */
    MEMBER;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff sign in with a password (and a second factor where the policy asks for one). */
    public boolean isStaff() {
        return this == PRIVACY_OFFICER || this == CLERK || this == AUDITOR;
    }
}
