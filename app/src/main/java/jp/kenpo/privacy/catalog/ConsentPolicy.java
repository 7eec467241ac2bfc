package jp.kenpo.privacy.catalog;

/** How a member's reservation bears on a purpose. */
public enum ConsentPolicy {
    /** 黙示の同意 (イ): permitted unless the member reserved it (ア) without giving explicit consent. */
    DEEMED,
    /** The law requires or allows the use: a reservation is recorded and answered but does not stop it. */
    LEGAL
}
