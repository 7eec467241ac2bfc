package jp.kenpo.privacy.requests;

/**
 * Who filed a request for the member (APPI Art. 37(3) and Cabinet Order Art. 13: the person, or a
 * representative). The consent ledger's {@code Filer} knows the first three; an agent with a power
 * of attorney (任意代理人) is the fourth, whom the Act admits for these requests.
 */
public enum Requester {
    /** 本人. */
    SELF("本人"),
    /** 被保険者: the insured person, for one of their dependents (被扶養者). */
    INSURED_PERSON("被保険者（被扶養者について）"),
    /** 法定代理人: a minor's parent, an adult's guardian. */
    LEGAL_REPRESENTATIVE("法定代理人"),
    /** 任意代理人: an agent with the person's power of attorney (委任状). */
    AGENT("本人が委任した代理人");

    private final String ja;

    Requester(String ja) {
        this.ja = ja;
    }

    public String ja() {
        return ja;
    }

    /** A representative must show their authority besides who they are (Art. 37(3)). */
    public boolean isRepresentative() {
        return this == LEGAL_REPRESENTATIVE || this == AGENT;
    }
}
