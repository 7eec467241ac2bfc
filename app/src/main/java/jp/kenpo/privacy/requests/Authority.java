package jp.kenpo.privacy.requests;

/** The document that shows a representative may act for the member (APPI Art. 37(3)). */
public enum Authority {
    /** 委任状: an agent's power of attorney. */
    POWER_OF_ATTORNEY("委任状", Requester.AGENT),
    /** 戸籍謄本等: a minor's parent. */
    FAMILY_REGISTER("戸籍謄本等", Requester.LEGAL_REPRESENTATIVE),
    /** 登記事項証明書: an adult's guardian. */
    GUARDIANSHIP_REGISTRY("後見登記の登記事項証明書", Requester.LEGAL_REPRESENTATIVE);

    private final String ja;
    private final Requester shows;

    Authority(String ja, Requester shows) {
        this.ja = ja;
        this.shows = shows;
    }

    public String ja() {
        return ja;
    }

    /** The kind of representative this document shows the authority of. */
    public Requester shows() {
        return shows;
    }
}
