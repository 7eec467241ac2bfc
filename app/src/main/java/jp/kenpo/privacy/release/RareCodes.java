package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

/**
 * Counts the persons holding each code (rows arrive grouped by member), so that a code held by
 * fewer than the spec's threshold can be removed (Rule 34(4): a rare procedure or drug marks its patient).
 */
final class RareCodes {

    private final Object2IntOpenHashMap<String> persons = new Object2IntOpenHashMap<>();
    private final Object2LongOpenHashMap<String> lastMember = new Object2LongOpenHashMap<>();
    private int threshold = 1;
    private long removed;

    RareCodes() {
        lastMember.defaultReturnValue(-1);
    }

    void add(long memberId, String code) {
        if (code == null || code.isEmpty()) {
            return;
        }
        if (lastMember.put(code, memberId) != memberId) {
            persons.addTo(code, 1);
        }
    }

    void fix(int atLeast) {
        this.threshold = atLeast;
        lastMember.clear();
        lastMember.trim();
    }

    /** Whether the code is kept; counts the ones removed. */
    boolean keeps(String code) {
        if (code == null || code.isEmpty()) {
            return true;
        }
        if (persons.getInt(code) >= threshold) {
            return true;
        }
        removed++;
        return false;
    }

    long removed() {
        return removed;
    }

    long rareCodes() {
        return persons.object2IntEntrySet().stream()
                .filter(e -> e.getIntValue() < threshold)
                .count();
    }
}
