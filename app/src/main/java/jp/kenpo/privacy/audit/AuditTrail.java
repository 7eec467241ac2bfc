package jp.kenpo.privacy.audit;

/**
 * The append-only, hash-chained audit trail: how every module records what it did with personal
 * data (APPI Art. 23 安全管理措置; My Number Act Art. 12 and the PPC guideline for specified
 * personal information). Modules depend on this interface; the trail depends on no module.
 */
public interface AuditTrail {

    /**
     * Records the event as part of the caller's transaction, or of a transaction of its own when
     * there is none: if the entry cannot be written, the transaction fails and the action does
     * not happen. The caller's transaction must not be read-only.
     */
    void record(AuditEvent event);

    /**
     * Records a refusal in a transaction of its own, so that it stays on record although the
     * refused action (and the caller's transaction) does not go ahead.
     */
    void recordRefusal(AuditEvent event);

    /**
     * Records the event in a transaction of its own, committed before this returns: for an action
     * that no rollback takes back (numbers handed to a caller's code as they are read), whose entry
     * must be durable before the action begins.
     */
    void recordCommitted(AuditEvent event);
}
