package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A purpose of use (利用目的): one line of the notice.
 *
 * @param statute        the law relied on, for {@link ConsentPolicy#LEGAL}; empty otherwise
 * @param usesIndividualNumbers whether individual numbers (個人番号) may be used for the purpose:
 *                       stated by the catalog ({@code my_number_use}), never inferred from the
 *                       statute's wording, which a later version may correct. Numbers may be used
 *                       for nothing else (番号法第9条, 第19条, 第20条).
 * @param reason         one line saying why the policy is what it is
 * @param publishedItems for anonymized information, the items the notice publishes (APPI Art. 43(3))
 * @param retiredOn      the date from which the purpose is no longer in force, if retired
 */
public record Purpose(
        PurposeCode code,
        Bilingual text,
        Flow flow,
        ConsentPolicy policy,
        Optional<String> statute,
        boolean usesIndividualNumbers,
        String reason,
        List<Bilingual> publishedItems,
        Optional<LocalDate> retiredOn) {

    public Purpose {
        Objects.requireNonNull(code);
        Objects.requireNonNull(text);
        Objects.requireNonNull(flow);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(statute);
        Objects.requireNonNull(reason);
        publishedItems = List.copyOf(publishedItems);
        Objects.requireNonNull(retiredOn);
    }

    public int category() {
        return code.category();
    }

    /** Whether the purpose is in force on a date, given that its catalog version is. */
    public boolean inForceOn(LocalDate date) {
        return retiredOn.map(date::isBefore).orElse(true);
    }
}
