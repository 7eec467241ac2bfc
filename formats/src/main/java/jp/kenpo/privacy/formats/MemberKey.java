package jp.kenpo.privacy.formats;

import java.util.Objects;

/**
 * The identifiers that link a receipt or a checkup to a member of the society: 保険者番号,
 * 被保険者証等の記号, 番号 and 枝番.
 *
 * <p>Values are kept exactly as recorded (full-width digits in a 記号 stay full-width): matching
 * rules belong to ingestion. {@code branch} is empty when the source did not record one (枝番 is
 * recorded only from the 2021 spec revisions on, and only where the member has one).
 */
public record MemberKey(String insurerNumber, String symbol, String number, String branch) {

    public MemberKey {
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        symbol = symbol == null ? "" : symbol;
        Objects.requireNonNull(number, "number");
        branch = branch == null ? "" : branch;
    }
}
