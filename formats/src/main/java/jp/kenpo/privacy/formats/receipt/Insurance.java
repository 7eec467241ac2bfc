package jp.kenpo.privacy.formats.receipt;

import java.util.Objects;

/**
 * 保険者レコード (HO).
 *
 * @param insurerNumber 保険者番号 (8 characters; shorter national-health numbers are padded by the sender)
 * @param symbol        被保険者証等の記号 (may be empty, may be full-width)
 * @param number        被保険者証等の番号
 * @param days          診療実日数
 * @param points        合計点数
 * @param mealCount     食事療養・生活療養 回数 ({@code null} when not recorded)
 * @param mealAmount    食事療養・生活療養 合計金額 ({@code null} when not recorded)
 * @param occupational  職務上の事由 (empty when not recorded)
 * @param burdenAmount  負担金額 医療保険 ({@code null} when not recorded)
 */
public record Insurance(
        String insurerNumber,
        String symbol,
        String number,
        Integer days,
        Integer points,
        Integer mealCount,
        Integer mealAmount,
        String occupational,
        Integer burdenAmount) {

    public Insurance {
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        symbol = symbol == null ? "" : symbol;
        Objects.requireNonNull(number, "number");
        occupational = occupational == null ? "" : occupational;
    }
}
