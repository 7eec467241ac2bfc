package jp.kenpo.privacy.audit;

/** How the audited action ended. An action that failed inside its transaction leaves no entry at all. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused: wrong role, another member's data, a purpose the law does not allow. */
    REFUSED,
    /** Attempted and failed, e.g. a wrong password. */
    FAILED
}
