package jp.kenpo.privacy.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recorded entry of the trail. The trail is {@link ChainedAuditTrail#CHAINS} interleaved hash
 * chains, so that concurrent transactions do not queue for one chain head; {@code seq} orders
 * all entries, {@code chain} and {@code chainSeq} place an entry in its chain.
 *
 * @param prevHash the hash of the previous entry of the same chain ({@link EntryHash#GENESIS} for the first)
 */
public record AuditEntry(
        long seq,
        int chain,
        long chainSeq,
        Instant at,
        String actor,
        String role,
        String source,
        AuditAction action,
        AuditOutcome outcome,
        Optional<String> purpose,
        List<String> members,
        String detail,
        String prevHash,
        String hash) {

    public AuditEntry {
        members = List.copyOf(members);
    }

    /** Where the entry is, for a person: {@code #1234 (chain 3, entry 57)}. */
    public String place() {
        return "#" + seq + " (chain " + chain + ", entry " + chainSeq + ")";
    }
}
