package jp.kenpo.privacy.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Walks the trail's entries chain by chain (each chain in order) and remembers the earliest
 * break: an entry whose contents no longer match its hash, that does not link to its
 * predecessor, or that follows a gap; a chain that no longer ends at its head; a digest head
 * that the trail no longer leads to; a member index that does not match the entries.
 */
final class ChainVerifier {

    /** Looks up the hash of an entry by its place, for checking a digest. */
    @FunctionalInterface
    interface HashLookup {
        Optional<String> hashAt(int chain, long chainSeq);
    }

    private final long[] lastSeq;
    private final String[] lastHash;
    private long entries;
    private long memberMentions;
    private long firstBrokenSeq = Long.MAX_VALUE;
    private String firstBroken;

    ChainVerifier(int chains) {
        lastSeq = new long[chains];
        lastHash = new String[chains];
        Arrays.fill(lastHash, EntryHash.GENESIS);
    }

    void accept(AuditEntry e) {
        entries++;
        memberMentions += e.members().stream().distinct().count();
        int c = e.chain();
        if (e.chainSeq() != lastSeq[c] + 1) {
            broken(
                    e.seq(),
                    "entry " + e.place() + ": expected entry " + (lastSeq[c] + 1) + " of chain " + c
                            + " — an entry is missing");
        } else if (!e.prevHash().equals(lastHash[c])) {
            broken(e.seq(), "entry " + e.place() + ": it does not link to the previous entry of its chain");
        } else if (!EntryHash.of(e).equals(e.hash())) {
            broken(
                    e.seq(),
                    "entry " + e.place() + ": its contents no longer match its hash — it was changed after recording");
        }
        lastSeq[c] = e.chainSeq();
        lastHash[c] = e.hash();
    }

    /** Each chain must end where its head row says: entries removed from a chain's end show here. */
    void checkEnds(List<AuditDigest.Head> heads) {
        for (int c = 0; c < lastSeq.length; c++) {
            int chain = c;
            AuditDigest.Head head =
                    heads.stream().filter(h -> h.chain() == chain).findFirst().orElse(null);
            if (head == null || head.chainSeq() != lastSeq[c] || !head.hash().equals(lastHash[c])) {
                broken(
                        Long.MAX_VALUE - 1,
                        "chain " + c + " ends at entry " + lastSeq[c] + " but its head says "
                                + (head == null ? "nothing" : "entry " + head.chainSeq())
                                + ": entries were removed from its end"
                                + " or its head was changed");
            }
        }
    }

    /** Every head a digest lists must still be in the trail with the same hash. */
    void checkDigest(AuditDigest digest, HashLookup lookup) {
        for (AuditDigest.Head h : digest.heads()) {
            if (h.chainSeq() == 0) {
                continue;
            }
            Optional<String> now = lookup.hashAt(h.chain(), h.chainSeq());
            if (now.isEmpty() || !now.get().equals(h.hash())) {
                broken(
                        Long.MAX_VALUE - 1,
                        "the digest taken " + digest.takenAt() + " lists entry " + h.chainSeq()
                                + " of chain " + h.chain()
                                + (now.isEmpty()
                                        ? ", which is no longer in the trail"
                                        : " with another hash: the trail up to it was rewritten"));
            }
        }
    }

    void checkMemberIndex(long indexRows) {
        if (indexRows != memberMentions) {
            broken(
                    Long.MAX_VALUE,
                    "the member index has " + indexRows + " rows but the entries name " + memberMentions
                            + " members: index rows were removed or added");
        }
    }

    AuditVerification result() {
        return new AuditVerification(firstBroken == null, entries, lastSeq.length, Optional.ofNullable(firstBroken));
    }

    private void broken(long seq, String what) {
        if (firstBroken == null || seq < firstBrokenSeq) {
            firstBrokenSeq = seq;
            firstBroken = what;
        }
    }
}
