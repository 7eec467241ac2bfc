package jp.kenpo.privacy.consent;

/** A member's standing on one purpose, derived from their events. */
public enum ConsentState {
    /** 黙示の同意 (イ): nothing said, the published purpose is consented to. */
    DEEMED,
    /** 留保 (ア) without explicit consent. */
    RESERVED,
    /** Reserved, and explicitly consented to. */
    CONSENTED
}
