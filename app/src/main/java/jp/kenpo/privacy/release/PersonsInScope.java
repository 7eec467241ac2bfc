package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.BitSet;
import java.util.function.LongFunction;

/**
 * The persons of a release's scope by member id: the pseudonym each one's rows are filed under
 * and, once the search has spoken, whether they are released. Every row of a year (10 M receipts,
 * 38 M lines at 1,000,000 members) asks it once; registry ids are close to dense, so an array
 * indexed by id answers where a hash map of a million entries missed the processor's cache on
 * nearly every row (a fifth of the build's processing in one profile). Sparse ids fall back to a map.
 */
final class PersonsInScope {

    private final long lowest;
    private final String[] dense;
    private final BitSet denseReleased;
    private final Long2ObjectOpenHashMap<String> sparse;
    private final LongOpenHashSet sparseReleased;

    /** The members {@code ids} (each once), filed under {@code pseudonym}. */
    PersonsInScope(long[] ids, LongFunction<String> pseudonym) {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (long id : ids) {
            low = Math.min(low, id);
            high = Math.max(high, id);
        }
        boolean compact = ids.length > 0 && high - low < 8L * ids.length + 1024;
        lowest = compact ? low : 0;
        dense = compact ? new String[(int) (high - low + 1)] : null;
        denseReleased = compact ? new BitSet(dense.length) : null;
        sparse = compact ? null : new Long2ObjectOpenHashMap<>(ids.length);
        sparseReleased = compact ? null : new LongOpenHashSet();
        for (long id : ids) {
            if (compact) {
                dense[(int) (id - low)] = pseudonym.apply(id);
            } else {
                sparse.put(id, pseudonym.apply(id));
            }
        }
    }

    /** The pseudonym the member's rows are filed under; null for a member out of scope. */
    String filedUnder(long memberId) {
        if (dense == null) {
            return sparse.get(memberId);
        }
        long at = memberId - lowest;
        return at < 0 || at >= dense.length ? null : dense[(int) at];
    }

    /** Marks a member in scope as released. */
    void release(long memberId) {
        if (filedUnder(memberId) == null) {
            throw new IllegalArgumentException("member " + memberId + " is not in the release's scope");
        }
        if (dense == null) {
            sparseReleased.add(memberId);
        } else {
            denseReleased.set((int) (memberId - lowest));
        }
    }

    boolean released(long memberId) {
        if (dense == null) {
            return sparseReleased.contains(memberId);
        }
        long at = memberId - lowest;
        return at >= 0 && at < dense.length && denseReleased.get((int) at);
    }

    /** The pseudonym of a released member; null for one suppressed or out of scope. */
    String releasedAs(long memberId) {
        return released(memberId) ? filedUnder(memberId) : null;
    }
}
