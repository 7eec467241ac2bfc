package jp.kenpo.privacy.decision;

/** Why a use is permitted. */
public enum Basis {
    /** 黙示の同意 (イ): the member has not reserved the published purpose. */
    DEEMED_CONSENT,
    /** The member reserved the purpose (ア) and then gave explicit consent. */
    EXPLICIT_CONSENT,
    /** The law requires or allows the use; a reservation, if any, is on record but does not stop it. */
    LEGAL_BASIS
}
