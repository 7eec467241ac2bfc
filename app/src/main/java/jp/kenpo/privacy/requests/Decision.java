package jp.kenpo.privacy.requests;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.members.IdentityCorrection;

/**
 * What the society decided on a request.
 *
 * @param ground     the statutory ground of a partial answer or a refusal; none for a full one
 * @param withheld   for a partial disclosure, the sections withheld on that ground
 * @param correction for a correction granted, the registry fields as they are to read (Art. 34)
 * @param note       a line for the record (never an individual number)
 */
public record Decision(
        Outcome outcome,
        Optional<Ground> ground,
        Set<Section> withheld,
        Optional<IdentityCorrection> correction,
        Optional<String> note) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ground, "ground");
        withheld = Set.copyOf(withheld);
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(note, "note");
    }

    public static Decision of(Outcome outcome, Ground ground) {
        return new Decision(outcome, Optional.ofNullable(ground), Set.of(), Optional.empty(), Optional.empty());
    }
}
