package jp.kenpo.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.shared.BadRequestException;
import org.junit.jupiter.api.Test;

/** The chain checks on entries made here, without a database. */
class ChainVerifierTest {

    private static final Actor CLERK = new Actor("clerk", "CLERK", "10.0.0.7");

    /** Two chains of three entries each, interleaved in seq like the real trail. */
    private static List<AuditEntry> trail() {
        var entries = new ArrayList<AuditEntry>();
        String[] prev = {EntryHash.GENESIS, EntryHash.GENESIS};
        long seq = 0;
        for (int i = 1; i <= 3; i++) {
            for (int chain = 0; chain < 2; chain++) {
                seq++;
                entries.add(entry(seq, chain, i, "read " + seq, List.of("S-" + seq + "-00"), prev[chain]));
                prev[chain] = entries.get(entries.size() - 1).hash();
            }
        }
        return entries;
    }

    private static AuditEntry entry(
            long seq, int chain, long chainSeq, String detail, List<String> members, String prev) {
        Instant at = Instant.parse("2026-11-25T01:00:00Z").plusSeconds(seq);
        String hash = EntryHash.of(
                chain,
                chainSeq,
                at,
                CLERK,
                AuditAction.MEMBER_READ,
                AuditOutcome.SUCCESS,
                "",
                String.join(",", members),
                detail,
                prev);
        return new AuditEntry(
                seq,
                chain,
                chainSeq,
                at,
                CLERK.name(),
                CLERK.role(),
                CLERK.source(),
                AuditAction.MEMBER_READ,
                AuditOutcome.SUCCESS,
                Optional.empty(),
                members,
                detail,
                prev,
                hash);
    }

    private static List<AuditDigest.Head> headsOf(List<AuditEntry> entries) {
        var heads = new ArrayList<AuditDigest.Head>();
        for (int c = 0; c < 2; c++) {
            int chain = c;
            var last = entries.stream()
                    .filter(e -> e.chain() == chain)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            heads.add(new AuditDigest.Head(c, last.chainSeq(), last.hash()));
        }
        return heads;
    }

    private static AuditVerification verify(List<AuditEntry> entries, List<AuditDigest.Head> heads, long indexRows) {
        var v = new ChainVerifier(2);
        entries.stream()
                .sorted(java.util.Comparator.comparing(AuditEntry::chain).thenComparing(AuditEntry::chainSeq))
                .forEach(v::accept);
        v.checkEnds(heads);
        v.checkMemberIndex(indexRows);
        return v.result();
    }

    @Test
    void anUntouchedTrailIsIntact() {
        var t = trail();
        assertThat(verify(t, headsOf(t), 6).intact()).isTrue();
        assertThat(verify(t, headsOf(t), 6).entriesChecked()).isEqualTo(6);
    }

    @Test
    void aChangedEntryIsNamed() {
        var t = new ArrayList<>(trail());
        AuditEntry e = t.get(2);
        t.set(
                2,
                new AuditEntry(
                        e.seq(),
                        e.chain(),
                        e.chainSeq(),
                        e.at(),
                        "someone else",
                        e.role(),
                        e.source(),
                        e.action(),
                        e.outcome(),
                        e.purpose(),
                        e.members(),
                        e.detail(),
                        e.prevHash(),
                        e.hash()));

        assertThat(verify(t, headsOf(trail()), 6).firstBroken())
                .hasValueSatisfying(b ->
                        assertThat(b).startsWith("entry #3 (chain 0, entry 2)").contains("changed after recording"));
    }

    @Test
    void theEarliestOfSeveralBreaksIsNamed() {
        var t = new ArrayList<>(trail());
        t.remove(4); // #5, chain 0 entry 3
        t.remove(1); // #2, chain 1 entry 1
        assertThat(verify(t, headsOf(trail()), 4).firstBroken())
                .hasValueSatisfying(b -> assertThat(b)
                        .startsWith("entry #4 (chain 1, entry 2)")
                        .contains("expected entry 1 of chain 1"));
    }

    @Test
    void aRecomputedChainStillDoesNotLinkWithoutRewritingEverythingAfter() {
        var t = new ArrayList<>(trail());
        AuditEntry e = t.get(0);
        // rewritten with a correct hash of its own, but the next entry of chain 0 links to the old one
        t.set(0, entry(e.seq(), e.chain(), e.chainSeq(), "nothing happened", e.members(), e.prevHash()));
        assertThat(verify(t, headsOf(trail()), 6).firstBroken())
                .hasValueSatisfying(b ->
                        assertThat(b).startsWith("entry #3 (chain 0, entry 2)").contains("does not link"));
    }

    @Test
    void entriesRemovedFromAChainsEndShowAgainstItsHead() {
        var t = new ArrayList<>(trail());
        var heads = headsOf(t);
        t.remove(5); // the last entry of chain 1
        assertThat(verify(t, heads, 5).firstBroken())
                .hasValueSatisfying(b -> assertThat(b).contains("chain 1 ends at entry 2 but its head says entry 3"));
    }

    @Test
    void aMemberIndexThatDoesNotMatchShows() {
        var t = trail();
        assertThat(verify(t, headsOf(t), 5).firstBroken())
                .hasValueSatisfying(b -> assertThat(b).contains("member index has 5 rows but the entries name 6"));
    }

    @Test
    void aDigestProvesLaterRewritesOfOlderEntries() {
        var t = trail();
        var digest = AuditDigest.of(Instant.parse("2026-11-25T02:00:00Z"), headsOf(t));
        var parsed = AuditDigest.parse(digest.text());
        assertThat(parsed).isEqualTo(digest);

        var v = new ChainVerifier(2);
        t.forEach(v::accept);
        v.checkDigest(
                parsed,
                (chain, seq) -> Optional.of(
                        chain == 1
                                ? "f".repeat(64)
                                : t.stream()
                                        .filter(e -> e.chain() == chain && e.chainSeq() == seq)
                                        .findFirst()
                                        .orElseThrow()
                                        .hash()));
        assertThat(v.result().firstBroken())
                .hasValueSatisfying(b -> assertThat(b).contains("lists entry 3 of chain 1 with another hash"));

        assertThatThrownBy(() -> AuditDigest.parse(digest.text().replace("chain 0 3", "chain 0 2")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("the file was changed");
        assertThatThrownBy(() -> AuditDigest.parse("hello")).hasMessageContaining("not an audit digest");
    }
}
