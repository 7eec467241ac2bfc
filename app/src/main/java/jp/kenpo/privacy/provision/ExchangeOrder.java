package jp.kenpo.privacy.provision;

import java.util.List;

/**
 * What a read of individual numbers for an info-linkage purpose (category 7) names: the other
 * institution, by its id in the recipient register, and the items of specified personal information
 * exchanged (利用特定個人情報の項目) — what the exchange record of My Number Act Art. 23(1) holds.
 */
public record ExchangeOrder(String counterparty, List<String> items) {

    public ExchangeOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
