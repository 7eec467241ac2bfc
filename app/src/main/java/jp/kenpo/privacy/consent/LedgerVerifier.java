package jp.kenpo.privacy.consent;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every member's chain of the consent ledger against its events and its head
 * ({@code ./kenpo ledger verify}, {@code GET /api/v1/ledger/verification}).
 */
@Service
public class LedgerVerifier {

    private final JdbcTemplate jdbc;
    private final LedgerEvents events;

    public LedgerVerifier(JdbcTemplate jdbc, LedgerEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Names the first broken link, in member order (one snapshot: the heads and every page of
     * events as they stood together): an event whose contents no longer match its
     * hash, a link to the wrong previous event, a gap where an event was removed, or a chain that
     * does not end where its head says (events cut off its end, or the whole chain removed).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerVerification verify() {
        // the heads first: an event appended meanwhile is then past its head, not a cut-off chain
        var heads = new TreeMap<Long, ChainHead>();
        jdbc.query("select member_id, member_seq, hash from consent_chain_head", rs -> {
            heads.put(rs.getLong(1), new ChainHead(rs.getInt(2), rs.getString(3)));
        });
        var state = new Object() {
            long memberId = -1;
            MemberKey member;
            int expectedSeq;
            String prevHash;
            long events;
            long chains;
            String broken;

            /** The chain just read ends where its head says, and no chain before it lost all its events. */
            void endChain(long nextMemberId) {
                if (broken == null && memberId >= 0) {
                    ChainHead head = heads.remove(memberId);
                    int last = expectedSeq - 1;
                    if (head == null) {
                        broken = "member " + member + ": the chain has no head — its head was removed";
                    } else if (head.memberSeq() > last) {
                        broken = "member " + member + ", event #" + (last + 1) + ": missing — the chain ends at event #"
                                + last + " but its head names event #" + head.memberSeq()
                                + " (events were cut off its end)";
                    } else if (head.memberSeq() == last && !head.hash().equals(prevHash)) {
                        broken = "member " + member + ", event #" + last + ": it is not the event its chain head names";
                    }
                }
                var emptied = heads.headMap(nextMemberId, false);
                if (broken == null && !emptied.isEmpty()) {
                    var first = emptied.firstEntry();
                    broken = "member " + keyOf(first.getKey()) + ": its chain head names event #"
                            + first.getValue().memberSeq() + " but the chain has no events — it was removed";
                }
            }
        };
        events.inChainOrder(e -> {
            if (state.broken != null) {
                return;
            }
            if (e.memberId() != state.memberId) {
                state.endChain(e.memberId());
                if (state.broken != null) {
                    return;
                }
                state.memberId = e.memberId();
                state.member = e.member();
                state.expectedSeq = 1;
                state.prevHash = EventHash.GENESIS;
                state.chains++;
            }
            state.events++;
            String where = "member " + e.member() + ", event #" + e.memberSeq() + " (ledger seq " + e.seq() + ")";
            if (e.memberSeq() != state.expectedSeq) {
                state.broken = where + ": expected event #" + state.expectedSeq + " — an event is missing";
            } else if (!e.prevHash().equals(state.prevHash)) {
                state.broken = where + ": it does not link to the member's previous event";
            } else if (!EventHash.of(e).equals(e.hash())) {
                state.broken = where + ": its contents no longer match its hash — it was changed after recording";
            }
            state.expectedSeq++;
            state.prevHash = e.hash();
        });
        state.endChain(Long.MAX_VALUE);
        return new LedgerVerification(
                state.broken == null, state.events, state.chains, Optional.ofNullable(state.broken));
    }

    private String keyOf(long memberId) {
        MemberKey key = events.keysOf(List.of(memberId)).get(memberId);
        return key != null ? key.toString() : "#" + memberId;
    }
}
