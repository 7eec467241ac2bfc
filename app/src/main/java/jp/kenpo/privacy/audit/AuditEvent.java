package jp.kenpo.privacy.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.kenpo.privacy.shared.MemberKeyShape;
import jp.kenpo.privacy.shared.NumberMask;

/**
 * What a module tells the trail about an action: what, whose data, for which purpose, how it
 * ended. When and by whom is added by the trail itself ({@link Actor} of the signed-in account
 * unless {@link #by(Actor)} names another, as sign-in does).
 *
 * @param members the member keys ({@code SYMBOL-NUMBER-BRANCH}) whose data the action touched; anything
 *                else is refused, since the trail stores them comma-separated and indexes each one
 * @param purpose the purpose code the data was used for, if any
 * @param detail  one line for a person to read; never names, never an individual number — one typed
 *                by mistake into something the detail repeats (a path, a search) is kept masked
 */
public record AuditEvent(
        AuditAction action,
        AuditOutcome outcome,
        List<String> members,
        Optional<String> purpose,
        String detail,
        Optional<Actor> actor) {

    /** The longest detail kept; a longer one is cut, so that a long detail never fails the action. */
    public static final int DETAIL_MAX = 2000;

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        members = List.copyOf(members);
        for (String m : members) {
            if (!MemberKeyShape.isKey(m)) {
                // a comma would make one member two in the index, and verification would fail for ever after
                throw new IllegalArgumentException(
                        "an audit entry names members by their keys: " + MemberKeyShape.EXPECTED);
            }
        }
        Objects.requireNonNull(purpose, "purpose");
        detail = NumberMask.mask(Objects.requireNonNull(detail, "detail"));
        if (detail.length() > DETAIL_MAX) {
            detail = detail.substring(0, DETAIL_MAX - 1) + "…";
        }
        Objects.requireNonNull(actor, "actor");
    }

    public static AuditEvent of(AuditAction action, String detail) {
        return new AuditEvent(action, AuditOutcome.SUCCESS, List.of(), Optional.empty(), detail, Optional.empty());
    }

    /**
     * A batch's listed population as its one entry names it, instead of every member: the list's size
     * and the SHA-256 of its keys, each followed by a newline, in the caller's order, so that the
     * caller's file can be matched to the entry.
     */
    public static String listedPopulation(List<?> keys) {
        var text = new StringBuilder(keys.size() * 16);
        keys.forEach(k -> text.append(k).append('\n'));
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return keys.size() + " listed members, list sha256 "
                    + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public AuditEvent member(Object key) {
        return members(List.of(key));
    }

    public AuditEvent members(Collection<?> keys) {
        var all = new ArrayList<>(members);
        keys.forEach(k -> all.add(k.toString()));
        return new AuditEvent(action, outcome, all, purpose, detail, actor);
    }

    public AuditEvent purpose(Object code) {
        return new AuditEvent(action, outcome, members, Optional.of(code.toString()), detail, actor);
    }

    public AuditEvent outcome(AuditOutcome value) {
        return new AuditEvent(action, value, members, purpose, detail, actor);
    }

    public AuditEvent by(Actor who) {
        return new AuditEvent(action, outcome, members, purpose, detail, Optional.of(who));
    }
}
