package jp.kenpo.privacy.anonymizer.search;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * Numbers distinct long keys 0, 1, 2… in order of first appearance: the one grouping step every
 * node evaluation is made of. Small key spaces are addressed directly in a reused array, larger
 * ones go through a primitive hash map.
 */
final class DenseIds {

    /** Key spaces up to this size use the direct array (16 MiB at most). */
    static final int DIRECT_LIMIT = 1 << 22;

    private int[] direct = new int[0];

    /**
     * Writes the id of keys[i] to ids[i] for i &lt; n and returns the number of distinct keys.
     * Keys must lie in [0, space).
     */
    int assign(long[] keys, int n, long space, int[] ids) {
        if (space <= DIRECT_LIMIT) {
            return assignDirect(keys, n, (int) space, ids);
        }
        Long2IntOpenHashMap map = new Long2IntOpenHashMap(Math.max(16, Math.min(n, (int) Math.min(space, 1 << 30))));
        map.defaultReturnValue(-1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int id = map.putIfAbsent(keys[i], next);
            if (id < 0) {
                id = next++;
            }
            ids[i] = id;
        }
        return next;
    }

    private int assignDirect(long[] keys, int n, int space, int[] ids) {
        if (direct.length < space) {
            direct = new int[Math.max(space, Math.min(DIRECT_LIMIT, direct.length * 2))];
            Arrays.fill(direct, -1);
        }
        int next = 0;
        for (int i = 0; i < n; i++) {
            int key = (int) keys[i];
            int id = direct[key];
            if (id < 0) {
                id = next++;
                direct[key] = id;
            }
            ids[i] = id;
        }
        for (int i = 0; i < n; i++) {
            direct[(int) keys[i]] = -1;
        }
        return next;
    }
}
