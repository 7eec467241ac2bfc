package jp.kenpo.privacy.decision;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.MemberEligibility;

/**
 * Every member's eligibility periods in flat arrays, indexed by a dense member number, so that a
 * batch decision over a million members is a loop over ints. Immutable: a registry change builds
 * a new table in which every known member keeps its number.
 */
final class EligibilityTable {

    static final EligibilityTable EMPTY = new Builder(0).build();

    private final int size;
    private final String[] keys;
    private final long[] ids;
    private final Object2IntOpenHashMap<String> byKey;
    private final Long2IntOpenHashMap byId;
    /**
     * Member i's first period packed as {@code from << 32 | to}: one memory read answers for most
     * members, who have a single period.
     */
    private final long[] first;
    /** Member i's periods are [periodStart[i], periodStart[i + 1]) of from/to. */
    private final int[] periodStart;

    private final int[] from;
    /** Exclusive: the day eligibility was lost; {@link Integer#MAX_VALUE} while open. */
    private final int[] to;

    private EligibilityTable(
            int size,
            String[] keys,
            long[] ids,
            Object2IntOpenHashMap<String> byKey,
            Long2IntOpenHashMap byId,
            long[] first,
            int[] periodStart,
            int[] from,
            int[] to) {
        this.size = size;
        this.keys = keys;
        this.ids = ids;
        this.byKey = byKey;
        this.byId = byId;
        this.first = first;
        this.periodStart = periodStart;
        this.from = from;
        this.to = to;
    }

    int size() {
        return size;
    }

    long id(int i) {
        return ids[i];
    }

    /** The member's number, or -1. */
    int indexOf(String key) {
        return byKey.getInt(key);
    }

    int indexOfId(long id) {
        return byId.get(id);
    }

    String key(int index) {
        return keys[index];
    }

    boolean eligible(int index, int day) {
        long f = first[index];
        if (day >= (int) (f >>> 32) && day < (int) f) {
            return true;
        }
        for (int p = periodStart[index] + 1, end = periodStart[index + 1]; p < end; p++) {
            if (day >= from[p] && day < to[p]) {
                return true;
            }
        }
        return false;
    }

    /** This table with changed members replaced in place and new members added at the end. */
    EligibilityTable with(Map<Long, MemberEligibility> changed, Iterable<MemberEligibility> added) {
        var b = new Builder(size + 16);
        for (int i = 0; i < size; i++) {
            MemberEligibility c = changed.get(ids[i]);
            if (c != null) {
                b.add(c);
            } else {
                b.copy(this, i);
            }
        }
        added.forEach(b);
        return b.build();
    }

    static final class Builder implements Consumer<MemberEligibility> {
        private int size;
        private String[] keys;
        private long[] ids;
        private long[] first;
        private int[] periodStart;
        private int periods;
        private int[] from;
        private int[] to;

        Builder(int expected) {
            int n = Math.max(16, expected);
            keys = new String[n];
            ids = new long[n];
            first = new long[n];
            periodStart = new int[n + 1];
            from = new int[n];
            to = new int[n];
        }

        @Override
        public void accept(MemberEligibility m) {
            add(m);
        }

        void add(MemberEligibility m) {
            grow(m.periods().size());
            keys[size] = m.key().toString();
            ids[size] = m.memberId();
            for (EligibilityPeriod p : m.periods()) {
                from[periods] = (int) p.acquiredOn().toEpochDay();
                to[periods] = p.lostOn().map(d -> (int) d.toEpochDay()).orElse(Integer.MAX_VALUE);
                periods++;
            }
            periodStart[++size] = periods;
            packFirst();
        }

        private void packFirst() {
            int start = periodStart[size - 1];
            first[size - 1] = start < periods
                    ? ((long) from[start] << 32) | (to[start] & 0xFFFFFFFFL)
                    : ((long) Integer.MAX_VALUE << 32);
        }

        void copy(EligibilityTable t, int i) {
            int n = t.periodStart[i + 1] - t.periodStart[i];
            grow(n);
            keys[size] = t.keys[i];
            ids[size] = t.ids[i];
            System.arraycopy(t.from, t.periodStart[i], from, periods, n);
            System.arraycopy(t.to, t.periodStart[i], to, periods, n);
            periods += n;
            periodStart[++size] = periods;
            packFirst();
        }

        private void grow(int morePeriods) {
            if (size + 1 >= keys.length) {
                int n = keys.length * 2;
                keys = Arrays.copyOf(keys, n);
                ids = Arrays.copyOf(ids, n);
                first = Arrays.copyOf(first, n);
                periodStart = Arrays.copyOf(periodStart, n + 1);
            }
            if (periods + morePeriods > from.length) {
                int n = Math.max(from.length * 2, periods + morePeriods);
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
            }
        }

        EligibilityTable build() {
            var byKey = new Object2IntOpenHashMap<String>(size);
            byKey.defaultReturnValue(-1);
            var byId = new Long2IntOpenHashMap(size);
            byId.defaultReturnValue(-1);
            for (int i = 0; i < size; i++) {
                byKey.put(keys[i], i);
                byId.put(ids[i], i);
            }
            return new EligibilityTable(size, keys, ids, byKey, byId, first, periodStart, from, to);
        }
    }
}
