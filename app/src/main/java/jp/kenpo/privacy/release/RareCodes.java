package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.function.LongPredicate;

/**
 * Counts the persons holding each code, so that a code held by fewer than the spec's threshold can
 * be removed (Rule 34(4): a rare procedure or drug marks its patient). Rows come in any order: each
 * (code, member) pair is counted once, and only the members the release keeps count. The pairs are
 * listed as they come and sorted once at the end; a hash set of the 10 M pairs of a year's
 * procedures missed the processor's cache on every row.
 */
final class RareCodes {

    /** Member ids below 2^40 and 2^23 codes fit one long per pair. */
    private static final int MEMBER_BITS = 40;

    private static final long MAX_CODES = 1L << (63 - MEMBER_BITS);

    private final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    private final LongArrayList held = new LongArrayList();
    private int[] persons = new int[0];
    private int threshold = 1;
    private long removed;

    RareCodes() {
        ids.defaultReturnValue(-1);
    }

    void add(long memberId, String code) {
        if (code == null || code.isEmpty()) {
            return;
        }
        if (memberId < 0 || memberId >= 1L << MEMBER_BITS) {
            throw new IllegalStateException("a member id beyond 2^" + MEMBER_BITS + " cannot be counted by code");
        }
        int id = ids.getInt(code);
        if (id < 0) {
            if (ids.size() >= MAX_CODES) {
                throw new IllegalStateException("more than " + MAX_CODES + " distinct codes in one table");
            }
            id = ids.size();
            ids.put(code, id);
        }
        held.add(((long) id << MEMBER_BITS) | memberId);
    }

    /** Fixes the threshold, every member counted. */
    void fix(int atLeast) {
        fix(atLeast, member -> true);
    }

    /** Fixes the threshold, counting only the members {@code released}. */
    void fix(int atLeast, LongPredicate released) {
        this.threshold = atLeast;
        persons = new int[ids.size()];
        long memberMask = (1L << MEMBER_BITS) - 1;
        long[] pairs = held.toLongArray();
        held.clear();
        held.trim();
        LongArrays.radixSort(pairs);
        for (int i = 0; i < pairs.length; i++) {
            long pair = pairs[i];
            if ((i == 0 || pairs[i - 1] != pair) && released.test(pair & memberMask)) {
                persons[(int) (pair >>> MEMBER_BITS)]++;
            }
        }
    }

    /** Whether the code is kept; counts the ones removed. */
    boolean keeps(String code) {
        if (code == null || code.isEmpty()) {
            return true;
        }
        int id = ids.getInt(code);
        if (id >= 0 && persons[id] >= threshold) {
            return true;
        }
        removed++;
        return false;
    }

    long removed() {
        return removed;
    }

    long rareCodes() {
        long rare = 0;
        for (int n : persons) {
            if (n < threshold) {
                rare++;
            }
        }
        return rare;
    }
}
