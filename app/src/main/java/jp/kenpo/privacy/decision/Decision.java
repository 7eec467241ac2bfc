package jp.kenpo.privacy.decision;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * The answer to "may member M's data be used for purpose P at instant T?".
 *
 * @param basis               why it is permitted (with {@link Outcome#PERMIT})
 * @param reason              why it is denied (with {@link Outcome#DENY})
 * @param reservationOnRecord the member has reserved the purpose without consent, though the use
 *                            goes ahead on a legal basis: the member is owed an answer saying so
 * @param statute             the law relied on, with {@link Basis#LEGAL_BASIS}
 * @param catalogVersion      the catalog version in force at the instant
 */
public record Decision(
        String member,
        PurposeCode purpose,
        Instant at,
        Outcome outcome,
        Optional<Basis> basis,
        Optional<DenyReason> reason,
        boolean reservationOnRecord,
        Optional<String> statute,
        OptionalInt catalogVersion) {

    static Decision permit(
            String member,
            PurposeCode purpose,
            Instant at,
            Basis basis,
            boolean reservationOnRecord,
            Optional<String> statute,
            int catalogVersion) {
        return new Decision(
                member,
                purpose,
                at,
                Outcome.PERMIT,
                Optional.of(basis),
                Optional.empty(),
                reservationOnRecord,
                statute,
                OptionalInt.of(catalogVersion));
    }

    static Decision deny(
            String member, PurposeCode purpose, Instant at, DenyReason reason, OptionalInt catalogVersion) {
        return new Decision(
                member,
                purpose,
                at,
                Outcome.DENY,
                Optional.empty(),
                Optional.of(reason),
                false,
                Optional.empty(),
                catalogVersion);
    }

    public boolean permitted() {
        return outcome == Outcome.PERMIT;
    }

    /** {@code PERMIT DEEMED_CONSENT}, {@code DENY RESERVED_WITHOUT_CONSENT}, … */
    public String summary() {
        return outcome + " "
                + (permitted()
                        ? basis.orElseThrow().name()
                        : reason.orElseThrow().name());
    }
}
