package jp.kenpo.privacy.consent;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jp.kenpo.privacy.members.MemberKey;

/**
 * A request from a member as the society received it, before it is recorded.
 *
 * @param receivedOn the date the request was received; it takes effect from that date (ウ)
 */
public record ConsentRequest(MemberKey member, ConsentAction action, ConsentTarget target, LocalDate receivedOn,
                             Channel channel, Filer filedBy, Optional<String> note) {

    public ConsentRequest {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(note, "note");
    }
}
