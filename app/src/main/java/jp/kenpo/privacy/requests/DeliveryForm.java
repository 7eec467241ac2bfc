package jp.kenpo.privacy.requests;

/** How a disclosure is handed over, as the person asks (APPI Art. 33(1): 電磁的記録の提供 or 書面の交付). */
public enum DeliveryForm {
    /** 電磁的記録: the ZIP of the report and its JSON. */
    ELECTRONIC,
    /** 書面: the same report, printed. */
    PAPER
}
