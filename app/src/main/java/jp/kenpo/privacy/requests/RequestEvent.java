package jp.kenpo.privacy.requests;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** One step of a request's history, as kept (never changed). */
public record RequestEvent(
        long id,
        RequestState state,
        Instant at,
        String by,
        Optional<IdentityCheck> method,
        Optional<Authority> authority,
        Optional<Outcome> outcome,
        Optional<Ground> ground,
        Set<Section> withheld,
        Optional<Long> consentSeq,
        Optional<Long> correctionId,
        Optional<String> answerSha256,
        Optional<String> note) {

    public RequestEvent {
        withheld = Set.copyOf(withheld);
    }
}
