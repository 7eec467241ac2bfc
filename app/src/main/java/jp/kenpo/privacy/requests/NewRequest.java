package jp.kenpo.privacy.requests;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.members.MemberKey;

/**
 * A request as the society received it, before it is recorded.
 *
 * @param purpose  the purpose a suspension or erasure is about (Art. 35); none for the other kinds
 * @param delivery for a disclosure, the form the person asked for (Art. 33(1)); none otherwise
 * @param feeYen   the fee charged (Art. 38); only a notification or a disclosure may carry one
 */
public record NewRequest(
        MemberKey member,
        RequestKind kind,
        Optional<PurposeCode> purpose,
        Requester filedBy,
        Channel channel,
        LocalDate receivedOn,
        Optional<DeliveryForm> delivery,
        int feeYen) {

    public NewRequest {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(delivery, "delivery");
    }
}
