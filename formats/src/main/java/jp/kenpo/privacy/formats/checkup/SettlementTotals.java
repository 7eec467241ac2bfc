package jp.kenpo.privacy.formats.checkup;

/**
 * The money totals of an exchange archive's 集計情報 (su08): they sum the archive's 決済情報
 * (settlement documents), so an archive carries them only when it carries settlements. Yen, each
 * 0 … 999,999,999 as the schema's 合計金額 allows.
 *
 * @param cost              特定健診 単価総計 ({@code totalCostAmount})
 * @param payment           窓口支払の金額総計 ({@code totalPaymentAmount})
 * @param paidByOtherProgram 他の検診による負担金額の総計 ({@code totalPaymentByOtherProgram}), null when none is stated
 * @param claim             請求金額総計 ({@code totalClaimAmount})
 */
public record SettlementTotals(long cost, long payment, Long paidByOtherProgram, long claim) {

    static final long MAX = 999_999_999L;

    public SettlementTotals {
        check("cost", cost);
        check("payment", payment);
        if (paidByOtherProgram != null) {
            check("paidByOtherProgram", paidByOtherProgram);
        }
        check("claim", claim);
    }

    private static void check(String field, long yen) {
        if (yen < 0 || yen > MAX) {
            throw new IllegalArgumentException(field + " must be 0 to " + MAX + " yen");
        }
    }
}
