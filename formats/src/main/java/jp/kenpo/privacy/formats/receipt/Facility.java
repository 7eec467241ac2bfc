package jp.kenpo.privacy.formats.receipt;

import java.time.YearMonth;
import java.util.Objects;

/**
 * 医療機関情報レコード (IR), 薬局情報レコード (YK) in a pharmacy file, or in a 歯科 file its UK
 * with the 歯科 IR after it (the UK has the name, the IR the telephone number): the header of one
 * facility's receipts.
 *
 * @param recordType   {@code IR}, {@code YK} or {@code UK}
 * @param payer        審査支払機関 (1 社会保険診療報酬支払基金, 2 国民健康保険団体連合会)
 * @param prefecture   都道府県 (2 digits)
 * @param scoreTable   点数表 (1 医科, 3 歯科, 4 調剤)
 * @param code         医療機関コード / 薬局コード (7 digits)
 * @param name         医療機関名称 (may be empty)
 * @param billingMonth 請求年月
 * @param volume       マルチボリューム識別情報 (2 digits)
 * @param phone        電話番号 (may be empty)
 */
public record Facility(
        String recordType,
        String payer,
        String prefecture,
        String scoreTable,
        String code,
        String name,
        YearMonth billingMonth,
        String volume,
        String phone) {

    public Facility {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(billingMonth, "billingMonth");
        name = name == null ? "" : name;
        phone = phone == null ? "" : phone;
    }

    /** The kind of receipts this facility files, told by the 点数表. */
    public ReceiptKind kind() {
        return ReceiptKind.ofScoreTable(scoreTable);
    }
}
