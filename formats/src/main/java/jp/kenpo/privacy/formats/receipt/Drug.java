package jp.kenpo.privacy.formats.receipt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * 医薬品レコード (IY).
 *
 * @param seq      position among the receipt's child records (0-based)
 * @param category 診療識別 (may be empty)
 * @param burden   負担区分
 * @param code     医薬品コード (9 digits)
 * @param quantity 使用量 (integer part up to 5, fraction up to 5 digits; {@code null} when not recorded)
 * @param points   点数 ({@code null} except on the last record of a 算定単位, and in 調剤 receipts)
 * @param count    回数 ({@code null} in 調剤 receipts, whose quantities and days are in the CZ record)
 * @param comments embedded comment pairs
 * @param days     算定日情報
 */
public record Drug(
        int seq,
        String category,
        String burden,
        String code,
        BigDecimal quantity,
        Integer points,
        Integer count,
        List<EmbeddedComment> comments,
        ServiceDays days)
        implements ChildRecord {

    public Drug {
        category = category == null ? "" : category;
        Objects.requireNonNull(code, "code");
        comments = List.copyOf(comments);
        days = days == null ? ServiceDays.NONE : days;
    }

    @Override
    public String recordType() {
        return "IY";
    }
}
