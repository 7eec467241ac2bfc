package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A purpose of use (利用目的): one line of the notice.
 *
 * @param statute        the law relied on, for {@link ConsentPolicy#LEGAL}; empty otherwise
 * @param reason         one line saying why the policy is what it is
 * @param publishedItems for anonymized information, the items the notice publishes (APPI Art. 43(3))
 * @param retiredOn      the date from which the purpose is no longer in force, if retired
 */
public record Purpose(PurposeCode code, Bilingual text, Flow flow, ConsentPolicy policy,
                      Optional<String> statute, String reason, List<Bilingual> publishedItems,
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

    /**
     * Whether the purpose is one for which individual numbers (My Number) may be used: the
     * catalog marks these by their flow (info-linkage, My Number Act Art. 19) or by resting on the
     * My Number Act (番号法, e.g. Art. 9 利用事務). Numbers may be used for nothing else (Art. 9, 19, 20).
     */
    public boolean usesIndividualNumbers() {
        return flow == Flow.MY_NUMBER_PROVISION || flow == Flow.MY_NUMBER_RECEIPT
                || statute.filter(s -> s.startsWith("番号法")).isPresent();
    }

    /** Whether the purpose is in force on a date, given that its catalog version is. */
    public boolean inForceOn(LocalDate date) {
        return retiredOn.map(date::isBefore).orElse(true);
    }
}
