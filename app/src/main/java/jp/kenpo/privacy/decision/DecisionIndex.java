package jp.kenpo.privacy.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.ConsentPolicy;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentHistory;
import jp.kenpo.privacy.consent.ConsentState;
import jp.kenpo.privacy.members.MemberEligibility;
import jp.kenpo.privacy.shared.SocietyTime;

/**
 * The decision engine: the catalog, every member's eligibility and every consent history in
 * memory, so that one decision takes about a microsecond and a million take milliseconds. It
 * knows nothing of the database; {@link DecisionService} keeps it caught up.
 *
 * <p>Reads are lock-free. Writes come from one thread at a time (the caller serialises them):
 * each builds new immutable parts or replaces one member's history, then publishes through the
 * volatile {@code state}, so a reader sees every write made before the state it read.
 */
public final class DecisionIndex {

    private record State(PurposeRules rules, EligibilityTable members, ConsentHistory[] histories) {}

    private volatile State state = new State(PurposeRules.NONE, EligibilityTable.EMPTY, new ConsentHistory[0]);

    // ---- writes (one thread at a time) ----

    public void replaceCatalog(Catalog catalog) {
        State s = state;
        state = new State(PurposeRules.of(catalog), s.members(), s.histories());
    }

    /** Applies registry changes: changed members keep their place, new ones are added. */
    public void applyRegistry(List<MemberEligibility> changes) {
        if (changes.isEmpty()) {
            return;
        }
        State s = state;
        var changed = new HashMap<Long, MemberEligibility>();
        var added = new ArrayList<MemberEligibility>();
        for (MemberEligibility m : changes) {
            if (s.members().indexOfId(m.memberId()) >= 0) {
                changed.put(m.memberId(), m);
            } else {
                added.add(m);
            }
        }
        EligibilityTable members = s.members().with(changed, added);
        ConsentHistory[] histories = s.histories().length >= members.size()
                ? s.histories()
                : Arrays.copyOf(s.histories(), Math.max(members.size(), s.histories().length * 3 / 2));
        state = new State(s.rules(), members, histories);
    }

    /**
     * Adds events to their members' histories.
     *
     * @return the events whose member is not in the index yet (the caller catches up the registry and retries)
     */
    public List<ConsentEvent> applyEvents(List<ConsentEvent> events) {
        State s = state;
        var unplaced = new ArrayList<ConsentEvent>();
        for (ConsentEvent e : events) {
            int i = s.members().indexOfId(e.memberId());
            if (i < 0) {
                unplaced.add(e);
                continue;
            }
            ConsentHistory h = s.histories()[i];
            s.histories()[i] = (h == null ? ConsentHistory.EMPTY : h).with(e);
        }
        state = new State(s.rules(), s.members(), s.histories());
        return unplaced;
    }

    public int size() {
        return state.members().size();
    }

    // ---- reads ----

    /**
     * Decides one use.
     *
     * @param knownAt count only events recorded by then ({@link Instant#MAX}: all), to replay
     *                what the society knew when it decided
     */
    public Decision decide(String memberKey, PurposeCode purpose, Instant at, Instant knownAt) {
        State s = state;
        int day = (int) SocietyTime.dateOf(at).toEpochDay();
        int version = s.rules().versionOn(day);
        OptionalInt inForceVersion = version == 0 ? OptionalInt.empty() : OptionalInt.of(version);
        int i = s.members().indexOf(memberKey);
        if (i < 0) {
            return Decision.deny(memberKey, purpose, at, DenyReason.UNKNOWN_MEMBER, inForceVersion);
        }
        PurposeRules.InForce rule = s.rules().at(purpose, day);
        if (rule == null) {
            return Decision.deny(memberKey, purpose, at, DenyReason.PURPOSE_NOT_IN_FORCE_AT, inForceVersion);
        }
        if (!s.members().eligible(i, day)) {
            return Decision.deny(memberKey, purpose, at, DenyReason.NOT_ELIGIBLE_AT, inForceVersion);
        }
        ConsentState consent = stateOf(s.histories()[i], rule, day, ConsentHistory.micros(knownAt));
        Purpose p = rule.purpose();
        if (p.policy() == ConsentPolicy.LEGAL) {
            return Decision.permit(
                    memberKey,
                    purpose,
                    at,
                    Basis.LEGAL_BASIS,
                    consent == ConsentState.RESERVED,
                    p.statute(),
                    rule.version());
        }
        return switch (consent) {
            case DEEMED ->
                Decision.permit(memberKey, purpose, at, Basis.DEEMED_CONSENT, false, Optional.empty(), rule.version());
            case CONSENTED ->
                Decision.permit(
                        memberKey, purpose, at, Basis.EXPLICIT_CONSENT, false, Optional.empty(), rule.version());
            case RESERVED -> Decision.deny(memberKey, purpose, at, DenyReason.RESERVED_WITHOUT_CONSENT, inForceVersion);
        };
    }

    /** Decides one use for every member in the index. */
    public BatchDecision decideAll(PurposeCode purpose, Instant at, Instant knownAt) {
        State s = state;
        int n = s.members().size();
        var batch = new Batch(s, purpose, at, knownAt);
        for (int i = 0; i < n; i++) {
            batch.decide(i);
        }
        return batch.result(n, new long[0]);
    }

    /** Decides one use for the members named; keys no member has are denied as unknown. */
    public BatchDecision decideFor(List<String> memberKeys, PurposeCode purpose, Instant at, Instant knownAt) {
        State s = state;
        var batch = new Batch(s, purpose, at, knownAt);
        long[] ids = new long[memberKeys.size()];
        int n = 0;
        for (String key : memberKeys) {
            int i = s.members().indexOf(key);
            if (i < 0) {
                batch.deny(key, DenyReason.UNKNOWN_MEMBER);
            } else {
                ids[n] = s.members().id(i);
                batch.decide(i);
            }
            n++;
        }
        return batch.result(memberKeys.size(), ids);
    }

    private static ConsentState stateOf(ConsentHistory h, PurposeRules.InForce rule, int day, long knownAtMicros) {
        return h == null
                ? ConsentState.DEEMED
                : h.stateOf(rule.purpose().code(), day, knownAtMicros, rule.firstPublishedDay());
    }

    /** One batch decision under way: the loop body of decideAll and decideFor. */
    private static final class Batch {
        private final State s;
        private final PurposeCode purpose;
        private final Instant at;
        private final int day;
        private final long knownAtMicros;
        private final PurposeRules.InForce rule;
        private final boolean legal;
        private final int[] deniedCounts = new int[DenyReason.values().length];
        private final List<BatchDecision.Denial> denied = new ArrayList<>();
        private final List<BatchDecision.Grounds> grounds = new ArrayList<>();
        private int reservationsOnRecord;
        private int explicit;
        private int permitted;

        Batch(State s, PurposeCode purpose, Instant at, Instant knownAt) {
            this.s = s;
            this.purpose = purpose;
            this.at = at;
            this.day = (int) SocietyTime.dateOf(at).toEpochDay();
            this.knownAtMicros = ConsentHistory.micros(knownAt);
            this.rule = s.rules().at(purpose, day);
            this.legal = rule != null && rule.purpose().policy() == ConsentPolicy.LEGAL;
        }

        void decide(int i) {
            if (rule == null) {
                deny(s.members().key(i), DenyReason.PURPOSE_NOT_IN_FORCE_AT);
                return;
            }
            if (!s.members().eligible(i, day)) {
                deny(s.members().key(i), DenyReason.NOT_ELIGIBLE_AT);
                return;
            }
            ConsentHistory h = s.histories()[i];
            if (h == null) {
                permitted++;
                return;
            }
            ConsentState consent = h.stateOf(purpose, day, knownAtMicros, rule.firstPublishedDay());
            if (consent == ConsentState.RESERVED) {
                if (legal) {
                    reservationsOnRecord++;
                    permitted++;
                } else {
                    deny(s.members().key(i), DenyReason.RESERVED_WITHOUT_CONSENT);
                }
                return;
            }
            if (consent == ConsentState.CONSENTED) {
                explicit++;
            }
            permitted++;
            if (!legal) {
                long event = h.decidingEvent(purpose, day, knownAtMicros, rule.firstPublishedDay());
                if (event != 0) {
                    grounds.add(new BatchDecision.Grounds(
                            s.members().key(i),
                            consent == ConsentState.CONSENTED ? Basis.EXPLICIT_CONSENT : Basis.DEEMED_CONSENT,
                            event));
                }
            }
        }

        void deny(String key, DenyReason reason) {
            deniedCounts[reason.ordinal()]++;
            denied.add(new BatchDecision.Denial(key, reason));
        }

        BatchDecision result(int population, long[] memberIds) {
            var byBasis = new EnumMap<Basis, Integer>(Basis.class);
            if (permitted > 0) {
                if (legal) {
                    byBasis.put(Basis.LEGAL_BASIS, permitted);
                } else {
                    byBasis.put(Basis.DEEMED_CONSENT, permitted - explicit);
                    byBasis.put(Basis.EXPLICIT_CONSENT, explicit);
                }
            }
            byBasis.values().removeIf(v -> v == 0);
            int version = s.rules().versionOn(day);
            return new BatchDecision(
                    purpose,
                    at,
                    version,
                    population,
                    permitted,
                    byBasis,
                    reservationsOnRecord,
                    BatchDecision.count(deniedCounts),
                    denied,
                    grounds,
                    memberIds);
        }
    }
}
