package jp.kenpo.privacy.requests;

/** A part of a disclosure package; a partial disclosure (Art. 33(2)) withholds some of them. */
public enum Section {
    REGISTRY("登録情報（氏名・生年月日等）"),
    ELIGIBILITY("資格の期間"),
    CORRECTIONS("訂正の履歴"),
    CONSENT("利用目的ごとの同意の状態と履歴"),
    HEALTH_DATA("レセプト・特定健診の保有状況（月別）"),
    MY_NUMBER("個人番号の保有状況"),
    PROVISION_RECORDS("第三者提供の記録");

    private final String ja;

    Section(String ja) {
        this.ja = ja;
    }

    public String ja() {
        return ja;
    }
}
