package jp.kenpo.privacy.formats.receipt;

/**
 * 資格確認レコード (SN): how eligibility was confirmed (online 資格確認 or the card), and the 枝番.
 *
 * @param payerKind       負担者種別 (1 医療保険, 2–5 第1–第4公費)
 * @param confirmation    確認区分 (2 digits)
 * @param insurerNumber   保険者番号等（資格確認）, recorded only when it differs from HO
 * @param symbol          記号（資格確認）
 * @param number          番号（資格確認）
 * @param branch          枝番 (2 digits, may be empty)
 * @param recipientNumber 受給者番号 (may be empty)
 */
public record Eligibility(
        String payerKind,
        String confirmation,
        String insurerNumber,
        String symbol,
        String number,
        String branch,
        String recipientNumber) {

    public Eligibility {
        insurerNumber = insurerNumber == null ? "" : insurerNumber;
        symbol = symbol == null ? "" : symbol;
        number = number == null ? "" : number;
        branch = branch == null ? "" : branch;
        recipientNumber = recipientNumber == null ? "" : recipientNumber;
    }
}
