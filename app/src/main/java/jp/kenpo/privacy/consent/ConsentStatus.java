package jp.kenpo.privacy.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.members.MemberKey;

/**
 * A member's state on every purpose in force at an instant, and the events it derives from.
 *
 * @param knownAt only events recorded by then were counted (absent: all)
 */
public record ConsentStatus(
        MemberKey member,
        Instant at,
        Optional<Instant> knownAt,
        int catalogVersion,
        List<PurposeStanding> purposes,
        List<ConsentEvent> history) {

    public ConsentStatus {
        purposes = List.copyOf(purposes);
        history = List.copyOf(history);
    }
}
