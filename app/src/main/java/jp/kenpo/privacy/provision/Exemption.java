package jp.kenpo.privacy.provision;

/**
 * Why a provision or receipt needs no APPI Art. 29/30 record (Art. 29(1) and Art. 30(1) provisos):
 * it is logged all the same, marked with the article.
 */
enum Exemption {
    /** 委託: the consignee is not a third party. */
    CONSIGNMENT("APPI Art. 27(5)(i) (委託)"),
    /** 共同利用. */
    JOINT_USE("APPI Art. 27(5)(iii) (共同利用)"),
    /** 法令に基づく場合: the purpose's legal basis. */
    UNDER_LAW("APPI Art. 27(1)(i) (法令に基づく場合)");

    private final String article;

    Exemption(String article) {
        this.article = article;
    }

    String article() {
        return article;
    }
}
