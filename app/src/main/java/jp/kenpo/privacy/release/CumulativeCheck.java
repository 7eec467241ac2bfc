package jp.kenpo.privacy.release;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.members.Member;

/**
 * What a build does to the persons' classes beyond its own search: nothing for {@code PER_RELEASE}
 * (no release links to another); for {@code STABLE}, the check over the cumulative person table of
 * every release to the recipient ({@link CumulativePersons}, PPC Rules Art. 34(5)).
 */
interface CumulativeCheck {

    CumulativeCheck NONE = (outcome, members, cutOff, thresholds, processing) -> outcome;

    /**
     * The outcome to release: {@code outcome} itself, or one with the generalisation and the
     * suppressions that hold for the cumulative table. Adds its figures to {@code processing}.
     */
    PersonClasses.Outcome apply(
            PersonClasses.Outcome outcome,
            Map<Long, Member> members,
            LocalDate cutOff,
            ReleaseSpec.Thresholds thresholds,
            Map<String, Long> processing);

    /**
     * What the recipient holds besides the persons the outcome of {@link #apply} releases, once it
     * has run: the rows of earlier releases it joins to this one and that this one does not restate,
     * by member id, generalised as that outcome is. The release's risk is measured over both (PPC
     * Rules Art. 34(5)). Empty when no release is joined to another: this release's persons are then
     * all the recipient holds, and the search's own measures stand.
     */
    default Optional<Map<Long, String[]>> heldBesides() {
        return Optional.empty();
    }
}
