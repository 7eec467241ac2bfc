package jp.kenpo.privacy.formats.receipt;

/**
 * Which 記録条件仕様 a receipt follows. Told by the first digit of the レセプト種別 and the
 * 点数表 of the facility header: 1 医科 (DPC receipts are 医科 receipts that carry the DPC
 * records), 3 歯科, 4 調剤.
 */
public enum ReceiptKind {
    MEDICAL("1", "医科"),
    DENTAL("3", "歯科"),
    PHARMACY("4", "調剤");

    private final String scoreTable;
    private final String japanese;

    ReceiptKind(String scoreTable, String japanese) {
        this.scoreTable = scoreTable;
        this.japanese = japanese;
    }

    /** 点数表 code of the facility header. */
    public String scoreTable() {
        return scoreTable;
    }

    public String japanese() {
        return japanese;
    }

    public static ReceiptKind ofScoreTable(String code) {
        for (ReceiptKind k : values()) {
            if (k.scoreTable.equals(code)) {
                return k;
            }
        }
        return null;
    }
}
