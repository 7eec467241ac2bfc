package jp.kenpo.privacy.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * The answer for a whole population: who may not be included, and why, with the counts. Those
 * not listed as denied are permitted.
 *
 * @param reservationsOnRecord members permitted on a legal basis although they reserved the purpose
 * @param grounds              the consent events permitted members' consents rest on ({@link Grounds})
 * @param memberIds            for a listed population, each member's registry id in the order listed
 *                             (0 for a key no member has), so that whoever records the batch per member
 *                             need not look them up again; empty for the whole registry. Not in the API's answer.
 */
public record BatchDecision(
        PurposeCode purpose,
        Instant at,
        int catalogVersion,
        int population,
        int permitted,
        Map<Basis, Integer> permittedByBasis,
        int reservationsOnRecord,
        Map<DenyReason, Integer> deniedByReason,
        List<Denial> denied,
        @JsonIgnore List<Grounds> grounds,
        @JsonIgnore long[] memberIds) {

    /** A member of the population who is denied. */
    public record Denial(String member, DenyReason reason) {}

    /**
     * A permitted member whose consent rests on a ledger event (an explicit consent given, a
     * reservation lifted): what an APPI Art. 29 provision record names. Permitted members not listed
     * are at deemed consent without any event, or permitted on a legal basis. Not part of the API's
     * answer: the provision module keeps it in its records.
     */
    public record Grounds(String member, Basis basis, long consentEvent) {}

    public BatchDecision {
        permittedByBasis = Map.copyOf(permittedByBasis);
        deniedByReason = Map.copyOf(deniedByReason);
        denied = List.copyOf(denied);
        grounds = List.copyOf(grounds);
    }

    public int deniedCount() {
        return denied.size();
    }

    static Map<DenyReason, Integer> count(int[] counts) {
        var map = new EnumMap<DenyReason, Integer>(DenyReason.class);
        for (DenyReason r : DenyReason.values()) {
            if (counts[r.ordinal()] > 0) {
                map.put(r, counts[r.ordinal()]);
            }
        }
        return map;
    }
}
