package jp.kenpo.privacy.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberKey;

/**
 * A member's request as it stands.
 *
 * @param deadline the date by which it is to be answered: "遅滞なく" (Art. 32(2), 33(2), 34(2), 35(2))
 *                 made a target, the received date plus {@code kenpo.requests.deadline}
 */
public record RightsRequest(
        long id,
        MemberKey member,
        RequestKind kind,
        Optional<PurposeCode> purpose,
        Requester filedBy,
        Channel channel,
        LocalDate receivedOn,
        Optional<DeliveryForm> delivery,
        int feeYen,
        LocalDate deadline,
        RequestState state,
        Optional<Outcome> outcome,
        Optional<Ground> ground,
        Set<Section> withheld,
        Optional<LocalDate> answeredOn,
        Instant filedAt,
        String recordedBy) {

    public RightsRequest {
        withheld = Set.copyOf(withheld);
    }

    /** Open past its deadline on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return state.isOpen() && deadline.isBefore(today);
    }
}
