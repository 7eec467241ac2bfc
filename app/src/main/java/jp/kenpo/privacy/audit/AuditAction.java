package jp.kenpo.privacy.audit;

/**
 * Every kind of action the trail records. The list is the answer to "what is audited?"
 * (APPI Art. 23 safety management measures; the PPC My Number guideline asks that every use of
 * specified personal information be recorded).
 */
public enum AuditAction {
    /** A sign-in with password (and second factor), successful or not; also a refused API token. */
    SIGN_IN,
    SIGN_OUT,
    /** A request refused for its role or for whose data it asked. */
    ACCESS_REFUSED,
    ACCOUNT_CREATED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    /** A new one-time password, and the lock-out (and optionally the second factor) cleared. */
    ACCOUNT_RESET,
    PASSWORD_CHANGED,
    /** An authenticator's enrolment begun: a pending secret issued, which counts once its first code is confirmed. */
    SECOND_FACTOR_STARTED,
    SECOND_FACTOR_ENROLLED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    /** One member's personal data read by a person. */
    MEMBER_READ,
    /** A page of the registry read. */
    MEMBERS_LISTED,
    MEMBERS_IMPORTED,
    /** A member's identity (insurer number, names, sex, birth date) corrected, naming the fields changed. */
    MEMBER_CORRECTED,
    /** A file of receipts or checkups stored against members (one entry per file, naming its counts). */
    HEALTH_DATA_IMPORTED,
    CONSENT_RECORDED,
    CONSENT_READ,
    /** One decision for one member. */
    DECISION,
    /** One decision for a whole population: one entry per batch, naming the population. */
    BATCH_DECISION,
    CATALOG_PUBLISHED,
    /** An individual number (My Number) read in full, with the purpose it was read for. */
    MY_NUMBER_READ,
    /** Individual numbers read in full for a population (an info-linkage batch), with the purpose. */
    MY_NUMBERS_READ,
    /** The masked view ({@code ********1234}) of a member's individual number. */
    MY_NUMBER_MASKED_VIEW,
    MY_NUMBERS_IMPORTED,
    VAULT_KEYS_REWRAPPED,
    AUDIT_SEARCHED,
    AUDIT_VERIFIED,
    AUDIT_DIGEST_EXPORTED,
    /** An anonymized release built (or refused), with its registry row's SHA-256 (APPI Art. 43). */
    RELEASE_BUILT,
    /** A release approved by a privacy officer (a second one unless one-person approval is configured). */
    RELEASE_APPROVED,
    /** A release delivered to its recipient. */
    RELEASE_DELIVERED,
    /** A recipient's stable pseudonym key (加工方法等情報, PPC Rules Art. 35) used or created. */
    RELEASE_KEY_USED,
    /** The release registry read. */
    RELEASES_READ,
    /** A recipient registered (third party, consignee, …), with its kind, purposes and contract. */
    RECIPIENT_ADDED,
    /** A recipient ended: it receives nothing from the day named. */
    RECIPIENT_ENDED,
    /** A consignee's safety measures reviewed (APPI Art. 25). */
    RECIPIENT_REVIEWED,
    /** A dataset provided to a recipient: its run, file digest and the members' records (APPI Art. 29). */
    PROVISION_RUN,
    /** A provision refused before anything was sent (recipient, contract, purpose, review, input). */
    PROVISION_REFUSED,
    /** Data received from a third party recorded (APPI Art. 30 confirmation record). */
    ACQUISITION_RECORDED,
    /** The online eligibility confirmation system's exchange list imported (8.1, 8.2). */
    ONLINE_ELIGIBILITY_IMPORTED,
    /** Provision, confirmation and exchange records past their retention end deleted. */
    RECORDS_PURGED,
    /** A member's request under APPI Art. 32-35 received (Art. 37: the society's way of receiving it). */
    REQUEST_FILED,
    /** The requester's identity (and a representative's authority) checked, Art. 37(2)(3): how and by whom. */
    REQUEST_IDENTITY_VERIFIED,
    /** A request decided: in full, in part or refused, with the statutory ground of a refusal. */
    REQUEST_DECIDED,
    /** A request answered: the answer package written, by its digest. */
    REQUEST_ANSWERED,
    /** One request and its history read. */
    REQUEST_READ,
    /** A page of requests read. */
    REQUESTS_LISTED
}
