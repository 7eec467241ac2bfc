package jp.kenpo.privacy.requests;

/**
 * How the requester's identity was confirmed (本人確認, APPI Art. 37(2)). Only the method is kept,
 * with who checked it: never a copy of the document, nor its number (an individual number card's
 * number least of all, My Number Act Art. 20).
 */
public enum IdentityCheck {
    /** A member signed in to their own account on the portal. */
    SIGNED_IN_ACCOUNT("ポータルへの本人のサインイン"),
    /** 個人番号カード (its front only; the number is not taken). */
    MY_NUMBER_CARD("個人番号カード（表面）"),
    DRIVERS_LICENSE("運転免許証"),
    PASSPORT("旅券"),
    RESIDENCE_CARD("在留カード"),
    /** 資格確認書: the society's own eligibility certificate. */
    ELIGIBILITY_CERTIFICATE("資格確認書"),
    OTHER_PHOTO_ID("その他の顔写真付き身分証明書"),
    /** Two documents without a photograph. */
    TWO_DOCUMENTS("顔写真のない書類2点");

    private final String ja;

    IdentityCheck(String ja) {
        this.ja = ja;
    }

    public String ja() {
        return ja;
    }
}
