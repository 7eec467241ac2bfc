package jp.kenpo.privacy.requests;

import java.util.Set;

/**
 * What a member asks of the society under the APPI (個人情報の保護に関する法律), each with its article
 * and its Japanese name.
 */
public enum RequestKind {
    /** 利用目的の通知の求め, Art. 32(2). */
    NOTIFY_PURPOSE("第32条第2項", "利用目的の通知"),
    /** 保有個人データの開示請求, Art. 33(1). */
    DISCLOSE("第33条第1項", "保有個人データの開示"),
    /** 第三者提供記録の開示請求, Art. 33(5). */
    DISCLOSE_PROVISION_RECORDS("第33条第5項", "第三者提供記録の開示"),
    /** 訂正等請求 (訂正・追加・削除), Art. 34(1). */
    CORRECT("第34条第1項", "訂正等"),
    /** 利用停止請求, Art. 35(1): a use beyond the purpose (Art. 18) or improper (Art. 19, 20). */
    SUSPEND_USE("第35条第1項", "利用停止"),
    /** 消去請求, Art. 35(1). */
    ERASE("第35条第1項", "消去"),
    /** 第三者提供の停止請求, Art. 35(3): a provision without consent (Art. 27(1), 28). */
    SUSPEND_PROVISION("第35条第3項", "第三者提供の停止"),
    /**
     * 利用停止請求 under Art. 35(5): the data is no longer needed, a breach (Art. 26(1)) occurred, or its
     * handling may harm the person's rights or legitimate interests.
     */
    HARM_SUSPEND_USE("第35条第5項", "利用停止（利用する必要がなくなった場合等）"),
    /** 消去請求 under Art. 35(5). */
    HARM_ERASE("第35条第5項", "消去（利用する必要がなくなった場合等）"),
    /** 第三者提供の停止請求 under Art. 35(5). */
    HARM_SUSPEND_PROVISION("第35条第5項", "第三者提供の停止（利用する必要がなくなった場合等）");

    private final String article;
    private final String ja;

    RequestKind(String article, String ja) {
        this.article = article;
        this.ja = ja;
    }

    /** The article of the APPI, as the law writes it (第33条第1項). */
    public String article() {
        return article;
    }

    public String ja() {
        return ja;
    }

    /** A disclosure, answered with the data in the form the person asked for (Art. 33(1)). */
    public boolean isDisclosure() {
        return this == DISCLOSE || this == DISCLOSE_PROVISION_RECORDS;
    }

    /** A request to stop something (Art. 35): it names the purpose it is about. */
    public boolean isSuspension() {
        return SUSPENSIONS.contains(this);
    }

    /** A request about provision to third parties: its purpose must be one. */
    public boolean isAboutProvision() {
        return this == SUSPEND_PROVISION || this == HARM_SUSPEND_PROVISION;
    }

    /** Art. 38(1): a fee may be charged for a notification of purposes or a disclosure only. */
    public boolean mayCarryFee() {
        return this == NOTIFY_PURPOSE || isDisclosure();
    }

    private static final Set<RequestKind> SUSPENSIONS =
            Set.of(SUSPEND_USE, ERASE, SUSPEND_PROVISION, HARM_SUSPEND_USE, HARM_ERASE, HARM_SUSPEND_PROVISION);
}
