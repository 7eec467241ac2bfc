package jp.kenpo.privacy.release;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;
import jp.kenpo.privacy.members.Member;

/**
 * The cumulative person table of the STABLE releases to one recipient (PPC Rules Art. 34(5)): with
 * one pseudonym key the recipient joins every release it holds, so k must hold over the union, not
 * over one month. The union holds, for each member ever released to the recipient, the
 * quasi-identifiers of the last release that held them, and this release's persons with theirs.
 *
 * <p>Every later release keeps the generalisation of the earlier ones (the finest level each column
 * has had; they are all the first release's): a value the recipient already holds finer would
 * otherwise split the coarser classes of a new release. At that generalisation the persons of this
 * release whose class of the union stays below k are suppressed — a person already released stays
 * in the union with what was released — until every class holds k or none of this release's
 * persons; a class of earlier persons alone below k, or more suppressions than the spec's limit,
 * refuses the release. Birth months are banded (Rule 34(4)) at this release's cut-off throughout.
 * When that changes who is released, the diagnoses' (k,m)-anonymity is rechecked over the persons
 * released ({@link PersonClasses#diagnosesOf}).
 *
 * <p>One object per build: it keeps the rows this release adds, for the registry.
 */
final class CumulativePersons implements CumulativeCheck {

    /** A person's quasi-identifiers before generalisation, birth as its month (unbanded). */
    record Row(long memberId, String sex, String birthMonth, String kind, String enrolled, String withdrawn) {}

    private final String recipient;
    private final Map<Long, Row> earlier;
    private final Map<String, Integer> ceiling;
    private final List<Row> added = new ArrayList<>();
    private final Map<Long, String[]> held = new TreeMap<>();

    /**
     * @param earlier each member's row of the last earlier release to the recipient that held them
     * @param ceiling the finest level each quasi-identifier had in an earlier release (empty: none)
     */
    CumulativePersons(String recipient, Map<Long, Row> earlier, Map<String, Integer> ceiling) {
        this.recipient = recipient;
        this.earlier = Map.copyOf(earlier);
        this.ceiling = Map.copyOf(ceiling);
    }

    static Row rowOf(Member m, LocalDate cutOff) {
        // no band here: an earlier person's birth month is banded at the later release's cut-off
        DiagnosisCodes none = new DiagnosisCodes();
        none.applyRareRule(1);
        PersonClasses.Person p = ReleaseBuilder.person(m, cutOff, YearMonth.of(1, 1), none);
        return new Row(m.id(), p.sex(), p.birth(), p.kind(), p.enrolled(), p.withdrawn());
    }

    @Override
    public PersonClasses.Outcome apply(
            PersonClasses.Outcome outcome,
            Map<Long, Member> members,
            LocalDate cutOff,
            ReleaseSpec.Thresholds t,
            Map<String, Long> processing) {
        YearMonth oldestShown = YearMonth.from(cutOff).minusYears(t.ageTop());
        Map<String, Integer> levels = new LinkedHashMap<>(outcome.levels());
        if (!ceiling.isEmpty()) {
            PersonClasses.QUASI.forEach(q -> levels.put(q, ceiling.getOrDefault(q, 0)));
        }
        List<PersonClasses.Person> persons = outcome.persons();
        int n = persons.size();
        MonthLevels.Memo months = new MonthLevels.Memo();
        String[][] values = new String[n][];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = generalised(persons.get(i).quasi(), levels, months);
            keys[i] = ReleaseBuilder.key(values[i]);
        }
        // rows the recipient holds that this release does not restate
        Map<Long, String[]> fixed = new HashMap<>();
        Map<Long, Integer> inRelease = new HashMap<>();
        for (int i = 0; i < n; i++) {
            inRelease.put(persons.get(i).memberId(), i);
        }
        earlier.forEach((id, row) -> {
            if (!inRelease.containsKey(id)) {
                fixed.put(id, generalised(labelled(row, oldestShown), levels, months));
            }
        });
        boolean[] released = new boolean[n];
        Arrays.fill(released, true);
        Map<String, Integer> counts;
        while (true) {
            counts = new HashMap<>();
            for (String[] v : fixed.values()) {
                counts.merge(ReleaseBuilder.key(v), 1, Integer::sum);
            }
            for (int i = 0; i < n; i++) {
                if (released[i]) {
                    counts.merge(keys[i], 1, Integer::sum);
                }
            }
            boolean suppressed = false;
            for (int i = 0; i < n; i++) {
                if (released[i] && counts.get(keys[i]) < t.k()) {
                    released[i] = false;
                    suppressed = true;
                    Row before = earlier.get(persons.get(i).memberId());
                    if (before != null) {
                        // left out of this release, but the recipient still holds the earlier row
                        fixed.put(before.memberId(), generalised(labelled(before, oldestShown), levels, months));
                    }
                }
            }
            if (!suppressed) {
                break;
            }
        }
        long suppressedNow = 0;
        for (boolean r : released) {
            if (!r) {
                suppressedNow++;
            }
        }
        int smallest =
                counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        if (smallest > 0 && smallest < t.k()) {
            throw new ReleaseRefusedException(
                    "privacy",
                    "the cumulative person table of the STABLE releases to " + recipient + " would hold a class of "
                            + smallest + " persons already released, fewer than k = " + t.k()
                            + ", at the generalisation of the earlier releases " + levelsText(levels));
        }
        if (suppressedNow > Math.floor(t.suppression() * n)) {
            throw new ReleaseRefusedException(
                    "privacy",
                    "the cumulative person table of the STABLE releases to " + recipient + " keeps k = " + t.k()
                            + " only if " + suppressedNow + " of the " + n + " persons are suppressed, beyond the"
                            + " suppression limit " + t.suppression() + " (generalisation " + levelsText(levels)
                            + ")");
        }
        long union = fixed.size();
        for (int i = 0; i < n; i++) {
            if (released[i]) {
                union++;
                Member m = members.get(persons.get(i).memberId());
                added.add(rowOf(m, cutOff));
            }
        }
        held.clear();
        held.putAll(fixed);
        processing.put("persons in the cumulative person table of the recipient (STABLE)", union);
        processing.put("smallest class of the cumulative person table (STABLE)", (long) smallest);
        // the search made the diagnoses (k,m)-anonymous over the persons it released; a person left
        // out here may have been one of the k holding an itemset, and one it left out holds itemsets
        // it never counted (Rule 34(5))
        Optional<KmResult> diagnoses = Arrays.equals(released, outcome.released())
                ? outcome.diagnoses()
                : PersonClasses.diagnosesOf(outcome, released, t);
        outcome.diagnoses()
                .ifPresent(searched -> processing.put(
                        "diagnosis items suppressed again after the cumulative check (STABLE)",
                        (long) diagnoses.orElseThrow().suppressedItems().size()
                                - searched.suppressedItems().size()));
        return new PersonClasses.Outcome(
                persons, released, values, levels, outcome.result(), diagnoses, outcome.diagnosisHierarchy());
    }

    @Override
    public Optional<Map<Long, String[]>> heldBesides() {
        return Optional.of(Collections.unmodifiableMap(held));
    }

    /** The rows this release adds to the union (its released persons), once {@link #apply} has run. */
    List<Row> added() {
        return List.copyOf(added);
    }

    /**
     * The rows of the union the recipient holds from earlier releases only, generalised as this
     * release is, under their pseudonyms: what the final check adds to the persons file it reads back.
     */
    Map<String, Map<String, String>> heldEarlier(Pseudonyms pseudonyms) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        held.forEach((id, v) -> {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int q = 0; q < v.length; q++) {
                cells.put(PersonClasses.QUASI.get(q), v[q]);
            }
            rows.put(pseudonyms.person(id), cells);
        });
        return rows;
    }

    private static String[] labelled(Row r, YearMonth oldestShown) {
        String birth = r.birthMonth().isEmpty() ? "" : MonthLevels.birth(YearMonth.parse(r.birthMonth()), oldestShown);
        return new String[] {r.sex(), birth, r.kind(), r.enrolled(), r.withdrawn()};
    }

    /** Level-0 values at the levels chosen, as the search's output shows them. */
    static String[] generalised(String[] quasi, Map<String, Integer> levels, MonthLevels.Memo months) {
        String[] v = new String[quasi.length];
        for (int i = 0; i < quasi.length; i++) {
            String column = PersonClasses.QUASI.get(i);
            int level = levels.getOrDefault(column, 0);
            v[i] = switch (column) {
                case "birth_month" -> months.at(quasi[i], level, true);
                case "enrolled", "withdrawn" -> months.at(quasi[i], level, false);
                default -> level == 0 ? quasi[i] : MonthLevels.TOP;
            };
        }
        return v;
    }

    private static String levelsText(Map<String, Integer> levels) {
        List<String> parts = new ArrayList<>();
        PersonClasses.QUASI.forEach(q -> parts.add(q + "=" + levels.getOrDefault(q, 0)));
        return String.join(", ", parts);
    }
}
