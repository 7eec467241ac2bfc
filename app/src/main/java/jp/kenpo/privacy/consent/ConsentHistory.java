package jp.kenpo.privacy.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * One member's consent events in the order they take effect — by the date received, then by
 * their order in the member's chain — kept in flat arrays so that a decision for a million
 * members folds them without allocating. Immutable: {@link #with} returns a new history.
 *
 * <p>The fold is the whole of (ア)(イ)(ウ): a member starts at deemed consent; each event that
 * names the purpose, or its category, sets the state; the last one in effect at the instant
 * wins. A category-wide event covers the purposes of that category published by the day it
 * took effect; a purpose published later starts at deemed consent for everyone (イ).
 */
public final class ConsentHistory {

    public static final ConsentHistory EMPTY =
            new ConsentHistory(new long[0], new int[0], new int[0], new byte[0], new int[0], new long[0]);

    private static final ConsentAction[] ACTIONS = ConsentAction.values();

    private final long[] seq;
    private final int[] memberSeq;
    private final int[] day;
    private final byte[] action;
    private final int[] target;
    private final long[] recordedMicros;

    private ConsentHistory(long[] seq, int[] memberSeq, int[] day, byte[] action, int[] target, long[] recordedMicros) {
        this.seq = seq;
        this.memberSeq = memberSeq;
        this.day = day;
        this.action = action;
        this.target = target;
        this.recordedMicros = recordedMicros;
    }

    public static ConsentHistory of(List<ConsentEvent> events) {
        ConsentHistory h = EMPTY;
        for (ConsentEvent e : events.stream()
                .sorted(Comparator.comparingInt(ConsentEvent::memberSeq))
                .toList()) {
            h = h.with(e);
        }
        return h;
    }

    public int size() {
        return seq.length;
    }

    public boolean contains(long eventSeq) {
        for (long s : seq) {
            if (s == eventSeq) {
                return true;
            }
        }
        return false;
    }

    /** This history with one more event, in its place; the same history if it is already here. */
    public ConsentHistory with(ConsentEvent e) {
        if (contains(e.seq())) {
            return this;
        }
        int d = (int) e.receivedOn().toEpochDay();
        int at = 0;
        while (at < seq.length && (day[at] < d || (day[at] == d && memberSeq[at] < e.memberSeq()))) {
            at++;
        }
        return new ConsentHistory(
                insert(seq, at, e.seq()),
                insert(memberSeq, at, e.memberSeq()),
                insert(day, at, d),
                insert(action, at, (byte) e.action().ordinal()),
                insert(target, at, e.target().packed()),
                insert(recordedMicros, at, micros(e.recordedAt())));
    }

    /**
     * The member's state on a purpose at an instant.
     *
     * @param onDay          the day of the instant in the society's calendar, as an epoch day
     * @param knownAtMicros  only events recorded by then count ({@link Long#MAX_VALUE}: all), to
     *                       answer what the society knew when it decided
     * @param publishedDay   the epoch day the purpose was first published (for category-wide events)
     */
    public ConsentState stateOf(PurposeCode purpose, int onDay, long knownAtMicros, int publishedDay) {
        int packedPurpose = purpose.category() * 1000 + purpose.item();
        int packedCategory = purpose.category() * 1000;
        ConsentState state = ConsentState.DEEMED;
        for (int i = 0; i < day.length && day[i] <= onDay; i++) {
            if (recordedMicros[i] > knownAtMicros) {
                continue;
            }
            int t = target[i];
            if (t == packedPurpose || (t == packedCategory && day[i] >= publishedDay)) {
                state = ACTIONS[action[i]].result();
            }
        }
        return state;
    }

    /**
     * The sequence number of the event that sets the state {@link #stateOf} answers (the explicit
     * consent given, the reservation lifted), or 0 when no event does: the member never spoke of the
     * purpose and is at deemed consent (イ). A provision on consent names it (APPI Art. 29 record).
     */
    public long decidingEvent(PurposeCode purpose, int onDay, long knownAtMicros, int publishedDay) {
        int packedPurpose = purpose.category() * 1000 + purpose.item();
        int packedCategory = purpose.category() * 1000;
        long event = 0;
        for (int i = 0; i < day.length && day[i] <= onDay; i++) {
            if (recordedMicros[i] > knownAtMicros) {
                continue;
            }
            int t = target[i];
            if (t == packedPurpose || (t == packedCategory && day[i] >= publishedDay)) {
                event = seq[i];
            }
        }
        return event;
    }

    public ConsentState stateOf(PurposeCode purpose, LocalDate onDay, Instant knownAt, LocalDate published) {
        return stateOf(purpose, (int) onDay.toEpochDay(), micros(knownAt), (int) published.toEpochDay());
    }

    public static long micros(Instant instant) {
        return instant.equals(Instant.MAX) ? Long.MAX_VALUE : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static long[] insert(long[] a, int at, long v) {
        long[] r = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, r, at + 1, a.length - at);
        r[at] = v;
        return r;
    }

    private static int[] insert(int[] a, int at, int v) {
        int[] r = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, r, at + 1, a.length - at);
        r[at] = v;
        return r;
    }

    private static byte[] insert(byte[] a, int at, byte v) {
        byte[] r = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, r, at + 1, a.length - at);
        r[at] = v;
        return r;
    }
}
