package jp.kenpo.privacy.consent;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.FreeText;

/**
 * A request from a member as the society received it, before it is recorded.
 *
 * @param receivedOn the date the request was received; it takes effect from that date (ウ)
 * @param note       free text of whoever records it; never an individual number, which is kept in the
 *                   vault only (My Number Act Art. 20): a note holding one, however written (spaced,
 *                   hyphenated, full-width, glued to letters), is refused, not stored in the ledger
 *                   that can never forget it; nor control characters
 */
public record ConsentRequest(
        MemberKey member,
        ConsentAction action,
        ConsentTarget target,
        LocalDate receivedOn,
        Channel channel,
        Filer filedBy,
        Optional<String> note) {

    public ConsentRequest {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(note, "note");
        String problem = note.map(n -> FreeText.problem(n, true)).orElse(null);
        if (problem != null) {
            throw new InvalidConsentRequestException("note", "the note " + problem);
        }
    }
}
