package jp.kenpo.privacy.provision;

/** Which legal record an entry of a member's provision history is. */
public enum RecordKind {
    /** 提供記録: a third-party provision (APPI Art. 29; PPC Rules Art. 19-21). */
    PROVISION_RECORD,
    /** A provision the Art. 29 record is not required for (consignment, joint use, under a law), logged all the same. */
    EXEMPT_PROVISION,
    /** 確認記録: data received from a third party (APPI Art. 30; PPC Rules Art. 22-26). */
    CONFIRMATION_RECORD,
    /** Data received under a law or from a consignor, where Art. 30 asks no record, logged all the same. */
    EXEMPT_RECEIPT,
    /** 情報提供等の記録: an info-linkage exchange under the My Number Act (Art. 23), category 7. */
    MY_NUMBER_EXCHANGE,
    /** A registration sent to (8.1), or data received from (8.2), the online eligibility confirmation system. */
    ONLINE_ELIGIBILITY
}
