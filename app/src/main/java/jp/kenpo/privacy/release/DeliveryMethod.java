package jp.kenpo.privacy.release;

/**
 * How a release reaches its recipient (匿名加工情報の提供の方法), as the notice publishes it:
 * electronically or on DVD. The method is part of what APPI Art. 43(4) requires the society to
 * publish before a provision and to state to the recipient.
 */
public enum DeliveryMethod {
    /** 電磁的方法: one OpenPGP-encrypted file sent to the recipient. */
    ELECTRONIC,
    /** 記録媒体（DVD）: a disc sent by post. */
    PHYSICAL_MEDIA;

    /** The words for the method in the cover statement and the publication. */
    public String ja() {
        return switch (this) {
            case ELECTRONIC -> "電磁的方法による送信（受領者の公開鍵で暗号化したファイル）";
            case PHYSICAL_MEDIA -> "記録媒体（DVD）の郵送";
        };
    }

    public String en() {
        return switch (this) {
            case ELECTRONIC -> "electronic transmission (a file encrypted to the recipient's public key)";
            case PHYSICAL_MEDIA -> "recording medium (DVD) sent by post";
        };
    }
}
