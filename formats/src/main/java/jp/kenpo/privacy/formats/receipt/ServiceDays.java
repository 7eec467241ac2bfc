package jp.kenpo.privacy.formats.receipt;

import java.util.Arrays;

/**
 * 算定日情報: how many times an item was given on each day 1–31 of the treatment month. Kept as
 * one small immutable value rather than 31 objects because every detail record carries it.
 */
public final class ServiceDays {

    public static final ServiceDays NONE = new ServiceDays(new short[31]);

    private final short[] counts;

    private ServiceDays(short[] counts) {
        this.counts = counts;
    }

    /** @param counts 31 counts, day 1 first; copied */
    public static ServiceDays of(int... counts) {
        if (counts.length != 31) {
            throw new IllegalArgumentException("need 31 days, got " + counts.length);
        }
        short[] c = new short[31];
        for (int i = 0; i < 31; i++) {
            if (counts[i] < 0 || counts[i] > 999) {
                throw new IllegalArgumentException("day count out of 0..999: " + counts[i]);
            }
            c[i] = (short) counts[i];
        }
        return new ServiceDays(c);
    }

    /** {@code countEach} on each of {@code days} (1–31; a day listed twice counts twice). */
    public static ServiceDays onDays(int[] days, int countEach) {
        short[] c = new short[31];
        for (int d : days) {
            if (d < 1 || d > 31) {
                throw new IllegalArgumentException("no day " + d);
            }
            int v = c[d - 1] + countEach;
            if (v < 0 || v > 999) {
                throw new IllegalArgumentException("day count out of 0..999: " + v);
            }
            c[d - 1] = (short) v;
        }
        return new ServiceDays(c);
    }

    static ServiceDays wrap(short[] counts) {
        return new ServiceDays(counts);
    }

    /** Count on day {@code day} (1–31); 0 when not given that day. */
    public int on(int day) {
        return counts[day - 1];
    }

    public boolean isEmpty() {
        for (short c : counts) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    public int total() {
        int t = 0;
        for (short c : counts) {
            t += c;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceDays d && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
