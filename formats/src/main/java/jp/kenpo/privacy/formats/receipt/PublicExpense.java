package jp.kenpo.privacy.formats.receipt;

/**
 * 公費レコード (KO).
 *
 * @param payerNumber     公費負担者番号 (8 digits)
 * @param recipientNumber 公費受給者番号 (may be empty)
 * @param benefitCategory 任意給付区分 (may be empty)
 * @param days            診療実日数
 * @param points          合計点数
 * @param burdenAmount    負担金額 公費 ({@code null} when not recorded)
 */
public record PublicExpense(
        String payerNumber,
        String recipientNumber,
        String benefitCategory,
        Integer days,
        Integer points,
        Integer burdenAmount) {

    public PublicExpense {
        recipientNumber = recipientNumber == null ? "" : recipientNumber;
        benefitCategory = benefitCategory == null ? "" : benefitCategory;
    }
}
