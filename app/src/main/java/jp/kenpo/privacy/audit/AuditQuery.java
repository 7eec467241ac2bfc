package jp.kenpo.privacy.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.MemberKeyShape;

/**
 * What an auditor asks of the trail: entries naming a member, by an actor, of an action, within
 * {@code [from, to)}; a page of them in the order they were written.
 */
public record AuditQuery(
        Optional<String> member,
        Optional<String> actor,
        Optional<AuditAction> action,
        Optional<Instant> from,
        Optional<Instant> to,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(member, "member");
        if (member.filter(m -> !MemberKeyShape.isKey(m)).isPresent()) {
            // the search is itself an entry naming the member: only a key may be written there
            throw new BadRequestException("member", "not a member key: " + MemberKeyShape.EXPECTED);
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (offset < 0) {
            throw new BadRequestException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new BadRequestException("to", "must be after from");
        }
    }

    /** The criteria for a person (and for the trail's own entry about the search). */
    public String describe() {
        var sb = new StringBuilder();
        member.ifPresent(m -> sb.append(" member=").append(m));
        actor.ifPresent(a -> sb.append(" actor=").append(a));
        action.ifPresent(a -> sb.append(" action=").append(a));
        from.ifPresent(f -> sb.append(" from=").append(f));
        to.ifPresent(t -> sb.append(" to=").append(t));
        sb.append(" offset=").append(offset).append(" limit=").append(limit);
        return sb.toString().strip();
    }
}
