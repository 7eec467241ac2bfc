package jp.kenpo.privacy.catalog;

/** Where the data goes (or comes from) for a purpose; decided from each line's wording. */
public enum Flow {
    /** 健保組合等の内部での利用. */
    INTERNAL_USE,
    /** 委託: not a third-party provision (APPI Art. 27(5)(i)). */
    CONSIGNMENT,
    /** 第三者提供 to another business (APPI Art. 27). */
    THIRD_PARTY_PROVISION,
    /** Provision to or query of the review-and-payment organisation (審査支払機関). */
    REVIEW_PAYMENT_ORGANISATION,
    /** Receipt from another institution under the My Number Act info-linkage (番号法第19条). */
    MY_NUMBER_RECEIPT,
    /** Provision to another institution under the My Number Act info-linkage (番号法第19条). */
    MY_NUMBER_PROVISION,
    /** Registration with the online eligibility confirmation system (オンライン資格確認等システム). */
    ONLINE_ELIGIBILITY_REGISTRATION,
    /** Receipt from the online eligibility confirmation system. */
    ONLINE_ELIGIBILITY_RECEIPT,
    /** 匿名加工情報の作成及び第三者提供 (APPI Art. 43). */
    ANONYMIZED_INFORMATION;

    /** Provisions of personal data that leave the society: each needs the APPI Art. 29 record. */
    public boolean isThirdPartyProvision() {
        return this == THIRD_PARTY_PROVISION;
    }
}
