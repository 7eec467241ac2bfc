package jp.kenpo.privacy.formats.receipt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * 特定器材レコード (TO).
 *
 * @param seq         position among the receipt's child records (0-based)
 * @param category    診療識別 (may be empty)
 * @param burden      負担区分
 * @param code        特定器材コード (9 digits)
 * @param quantity    使用量 ({@code null} when not recorded)
 * @param points      点数 ({@code null} when not recorded)
 * @param count       回数 ({@code null} in 調剤 receipts, whose TO records have none)
 * @param unitCode    単位コード (may be empty)
 * @param unitPrice   単価 ({@code null} when not recorded)
 * @param productName 商品名及び規格又はサイズ (may be empty)
 * @param comments    embedded comment pairs
 * @param days        算定日情報
 */
public record Material(
        int seq,
        String category,
        String burden,
        String code,
        BigDecimal quantity,
        Integer points,
        Integer count,
        String unitCode,
        BigDecimal unitPrice,
        String productName,
        List<EmbeddedComment> comments,
        ServiceDays days)
        implements ChildRecord {

    public Material {
        category = category == null ? "" : category;
        Objects.requireNonNull(code, "code");
        unitCode = unitCode == null ? "" : unitCode;
        productName = productName == null ? "" : productName;
        comments = List.copyOf(comments);
        days = days == null ? ServiceDays.NONE : days;
    }

    @Override
    public String recordType() {
        return "TO";
    }
}
