package jp.kenpo.privacy.members;

import java.time.Instant;
import java.util.List;

/**
 * One correction of a member's identity as kept: who made it, when, why, and each field's value
 * before and after (fields named as in the member file).
 */
public record MemberCorrection(
        long id, MemberKey member, Instant correctedAt, String correctedBy, String reason, List<Change> changes) {

    public MemberCorrection {
        changes = List.copyOf(changes);
    }

    /** One field a correction changed. */
    public record Change(String field, String before, String after) {

        @Override
        public String toString() {
            // the values are a person's: they stay out of logs and messages
            return "Change[" + field + "]";
        }
    }

    @Override
    public String toString() {
        return "MemberCorrection[#" + id + " " + member + " "
                + changes.stream().map(Change::field).toList() + "]";
    }
}
