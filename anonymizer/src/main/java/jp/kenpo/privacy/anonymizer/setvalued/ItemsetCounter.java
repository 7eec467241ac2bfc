package jp.kenpo.privacy.anonymizer.setvalued;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Counts, over a set of records, how many hold each itemset of 1 to m items. An itemset is
 * packed into one long: its item codes plus one, ascending, in fixed-width bit fields.
 *
 * <p>For m of 1 or 2 over at most {@value #DENSE_LABELS} items (the diagnoses of a release: m = 2,
 * a few thousand codes) the counts are kept in arrays, a pair's at its place in the upper
 * triangle: an increment where the hash map hashed and probed for every pair of every record, the
 * search's largest cost on a year's diagnoses. Larger m or more items go to the hash map.
 */
final class ItemsetCounter {

    /** Up to this many items, the pairs' triangle takes at most 32 MB. */
    static final int DENSE_LABELS = 4096;

    /** What is told each itemset that occurs, with its support. */
    interface Support {
        void accept(long itemset, int support);
    }

    private final int m;
    private final int bits;
    private final int labels;
    private final Long2IntOpenHashMap support;
    private final int[] singles;
    private final int[] pairs;
    private int[] items = new int[16];

    ItemsetCounter(String column, int m, int itemCount) {
        this.m = m;
        this.bits = 32 - Integer.numberOfLeadingZeros(itemCount + 1);
        this.labels = itemCount;
        if ((long) m * bits > 63) {
            throw new AnonymizationException("(k,m)-anonymity on '" + column + "': m = " + m + " is too large for "
                    + itemCount + " distinct items (at most " + 63 / bits + ")");
        }
        boolean dense = m <= 2 && itemCount <= DENSE_LABELS;
        support = dense ? null : new Long2IntOpenHashMap();
        singles = dense ? new int[itemCount] : null;
        pairs = dense && m == 2 ? new int[itemCount * (itemCount - 1) / 2] : null;
    }

    /** Adds one record holding the given item codes (duplicates allowed). */
    void add(int[] record, int length) {
        if (items.length < length) {
            items = new int[Math.max(length, items.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            items[i] = record[i] + 1;
        }
        IntArrays.quickSort(items, 0, length);
        int unique = 0;
        for (int i = 0; i < length; i++) {
            if (unique == 0 || items[unique - 1] != items[i]) {
                items[unique++] = items[i];
            }
        }
        if (singles == null) {
            count(unique, 0, 0, 0L);
            return;
        }
        for (int i = 0; i < unique; i++) {
            int a = items[i] - 1;
            singles[a]++;
            if (pairs != null) {
                int row = pair(a, a + 1);
                for (int j = i + 1; j < unique; j++) {
                    pairs[row + items[j] - 1 - (a + 1)]++;
                }
            }
        }
    }

    /** Where the pair of codes a < b is counted: the rows of the upper triangle one after the other. */
    private int pair(int a, int b) {
        return a * labels - a * (a + 1) / 2 + (b - a - 1);
    }

    // every subset of items[from..length) of at most m items, extending the packed prefix
    private void count(int length, int from, int depth, long prefix) {
        for (int i = from; i < length; i++) {
            long key = (prefix << bits) | items[i];
            support.addTo(key, 1);
            if (depth + 1 < m) {
                count(length, i + 1, depth + 1, key);
            }
        }
    }

    /** Tells {@code action} every itemset held by at least one record, with its support. */
    void forEach(Support action) {
        if (singles == null) {
            for (Long2IntMap.Entry entry : support.long2IntEntrySet()) {
                action.accept(entry.getLongKey(), entry.getIntValue());
            }
            return;
        }
        for (int a = 0; a < labels; a++) {
            if (singles[a] == 0) {
                continue;
            }
            action.accept(a + 1, singles[a]);
            if (pairs != null) {
                for (int b = a + 1, at = pair(a, b); b < labels; b++, at++) {
                    if (pairs[at] != 0) {
                        action.accept(((long) (a + 1) << bits) | (b + 1), pairs[at]);
                    }
                }
            }
        }
    }

    /** How many records hold the packed {@code itemset}. */
    int support(long itemset) {
        if (singles == null) {
            return support.get(itemset);
        }
        long mask = (1L << bits) - 1;
        long first = itemset >>> bits;
        if (first == 0) {
            return itemset > 0 && itemset <= labels ? singles[(int) itemset - 1] : 0;
        }
        long second = itemset & mask;
        if (pairs == null || first >>> bits != 0 || first >= second || second > labels) {
            return 0;
        }
        return pairs[pair((int) first - 1, (int) second - 1)];
    }

    /**
     * Itemsets that this counter's records and {@code other}'s (counted apart, of the same items
     * and m) hold fewer than k times together, held by at least one.
     */
    long violationsWith(ItemsetCounter other, int k) {
        long[] violations = new long[1];
        forEach((itemset, held) -> {
            if (held + other.support(itemset) < k) {
                violations[0]++;
            }
        });
        other.forEach((itemset, held) -> {
            if (support(itemset) == 0 && held < k) {
                violations[0]++;
            }
        });
        return violations[0];
    }

    /** How many records hold the item {@code code}. */
    int itemSupport(int code) {
        return support((long) code + 1);
    }

    /** The item codes of a packed itemset. */
    int[] unpack(long key) {
        int size = 0;
        for (long rest = key; rest != 0; rest >>>= bits) {
            size++;
        }
        int[] result = new int[size];
        long mask = (1L << bits) - 1;
        for (int i = size - 1; i >= 0; i--) {
            result[i] = (int) (key & mask) - 1;
            key >>>= bits;
        }
        return result;
    }

    /** Itemsets held by 1 to k-1 records. */
    long violations(int k) {
        long[] violations = new long[1];
        forEach((itemset, held) -> {
            if (held < k) {
                violations[0]++;
            }
        });
        return violations[0];
    }

    /** The smallest support of any itemset that occurs, or 0 when none does. */
    int smallestSupport() {
        int[] smallest = new int[1];
        forEach((itemset, held) -> {
            if (smallest[0] == 0 || held < smallest[0]) {
                smallest[0] = held;
            }
        });
        return smallest[0];
    }
}
