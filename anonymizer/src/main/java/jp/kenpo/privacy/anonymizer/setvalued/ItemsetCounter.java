package jp.kenpo.privacy.anonymizer.setvalued;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Counts, over a set of records, how many hold each itemset of 1 to m items. An itemset is
 * packed into one long: its item codes plus one, ascending, in fixed-width bit fields.
 */
final class ItemsetCounter {

    private final int m;
    private final int bits;
    private final Long2IntOpenHashMap support = new Long2IntOpenHashMap();
    private int[] items = new int[16];

    ItemsetCounter(String column, int m, int itemCount) {
        this.m = m;
        this.bits = 32 - Integer.numberOfLeadingZeros(itemCount + 1);
        if ((long) m * bits > 63) {
            throw new AnonymizationException("(k,m)-anonymity on '" + column + "': m = " + m + " is too large for "
                    + itemCount + " distinct items (at most " + 63 / bits + ")");
        }
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
        count(unique, 0, 0, 0L);
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

    Long2IntOpenHashMap supports() {
        return support;
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
        long violations = 0;
        for (Long2IntMap.Entry entry : support.long2IntEntrySet()) {
            if (entry.getIntValue() < k) {
                violations++;
            }
        }
        return violations;
    }

    /** The smallest support of any itemset that occurs, or 0 when none does. */
    int smallestSupport() {
        int smallest = 0;
        for (Long2IntMap.Entry entry : support.long2IntEntrySet()) {
            if (smallest == 0 || entry.getIntValue() < smallest) {
                smallest = entry.getIntValue();
            }
        }
        return smallest;
    }
}
