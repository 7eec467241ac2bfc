package jp.kenpo.privacy.anonymizer.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a few snapshots to roll coarser nodes up from. A snapshot is kept only when it is
 * markedly smaller than the one it was grouped from, and the least recently used one goes
 * first when the cache is full. The base snapshot stays, so every node has a source.
 */
final class SnapshotCache {

    private static final int MAX_ENTRIES = 128;
    private static final double WORTH_KEEPING = 0.8;

    private final Cells base;
    private final long cellBudget;
    private final List<Entry> entries = new ArrayList<>();
    private long cells;
    private long clock;

    private static final class Entry {
        final Cells cells;
        long lastUsed;

        Entry(Cells cells, long lastUsed) {
            this.cells = cells;
            this.lastUsed = lastUsed;
        }
    }

    SnapshotCache(Cells base) {
        this.base = base;
        this.cellBudget = Math.max(1 << 16, 8L * base.size);
    }

    /** The smallest kept snapshot from which the node can be grouped. */
    Cells sourceFor(int[] levels) {
        Entry best = null;
        for (Entry entry : entries) {
            if (Lattice.covers(levels, entry.cells.levels) && (best == null || entry.cells.size < best.cells.size)) {
                best = entry;
            }
        }
        if (best == null) {
            return base;
        }
        best.lastUsed = ++clock;
        return best.cells;
    }

    /** Whether a snapshot of that many cells, grouped from the source, would be kept. */
    static boolean worthKeeping(long cells, Cells source) {
        return cells <= WORTH_KEEPING * source.size;
    }

    void offer(Cells snapshot, Cells source) {
        if (snapshot == null || !worthKeeping(snapshot.size, source)) {
            return;
        }
        entries.add(new Entry(snapshot, ++clock));
        cells += snapshot.size;
        while (entries.size() > MAX_ENTRIES || cells > cellBudget) {
            Entry oldest = entries.get(0);
            for (Entry entry : entries) {
                if (entry.lastUsed < oldest.lastUsed) {
                    oldest = entry;
                }
            }
            entries.remove(oldest);
            cells -= oldest.cells.size;
        }
    }
}
