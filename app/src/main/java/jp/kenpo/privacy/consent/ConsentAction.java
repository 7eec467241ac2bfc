package jp.kenpo.privacy.consent;

/** What a member asks for in a consent event (ア)(ウ). */
public enum ConsentAction {
    /** 留保 (ア): the purpose now needs the member's explicit consent. */
    RESERVE,
    /** 明確な同意: explicit consent to a reserved purpose. */
    GIVE,
    /** Consent withdrawn: the purpose is reserved again. */
    WITHDRAW,
    /** Reservation lifted: back to deemed consent (イ). */
    LIFT;

    ConsentState result() {
        return switch (this) {
            case RESERVE, WITHDRAW -> ConsentState.RESERVED;
            case GIVE -> ConsentState.CONSENTED;
            case LIFT -> ConsentState.DEEMED;
        };
    }
}
