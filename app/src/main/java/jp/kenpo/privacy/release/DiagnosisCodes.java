package jp.kenpo.privacy.release;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;

/**
 * The diagnoses of the release's persons and what Rule 34(4) makes of them: a disease code
 * (傷病名コード) held by fewer than N persons is shown as its ICD-10 three-character category, or
 * if that too is held by fewer than N, its chapter, or else removed. The ICD-10 code of a disease
 * code is the one the receipts themselves record for it (DPC receipts carry both); a rare code
 * that no receipt gives an ICD-10 code for can only be removed. {@link #hierarchy()} then gives
 * the (k,m)-anonymity search (Rule 34(5)) the coarser levels of every label.
 */
final class DiagnosisCodes {

    static final String REMOVED = "*";

    private final Object2IntOpenHashMap<String> codes = new Object2IntOpenHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, String> icd10 = new HashMap<>();
    private static final int CODE_BITS = 23;

    private final Long2ObjectOpenHashMap<IntArrayList> byMember = new Long2ObjectOpenHashMap<>();
    private final LongArrayList pairs = new LongArrayList();
    private final List<String> lastIcd = new ArrayList<>();
    private String[] labels;
    private int toCategory;
    private int toChapter;
    private int removed;

    DiagnosisCodes() {
        codes.defaultReturnValue(-1);
    }

    /**
     * Adds one diagnosis of a member in the release's population. The (member, code) pairs are
     * listed as they come and grouped by member once all are in: rows come in any order, and a
     * set per member looked up on each of a year's 10 M rows missed the processor's cache.
     */
    void add(long memberId, String code, String icd) {
        int id = codes.getInt(code);
        if (id < 0) {
            id = names.size();
            codes.put(code, id);
            names.add(code);
            lastIcd.add(null);
        }
        if (memberId < 0 || memberId >= 1L << (63 - CODE_BITS) || id >= 1 << CODE_BITS) {
            throw new IllegalStateException("a member id or a code count beyond what one pair holds");
        }
        pairs.add(memberId << CODE_BITS | id);
        // the same code mostly comes with the same ICD-10 code: parsed once per change
        if (icd != null && !icd.equals(lastIcd.get(id))) {
            lastIcd.set(id, icd);
            if (!icd.isBlank()) {
                Icd10.category(icd.strip()).ifPresent(c -> icd10.merge(code, c, (x, y) -> x.compareTo(y) <= 0 ? x : y));
            }
        }
    }

    /** Each member's distinct codes, from the pairs listed. */
    private void groupByMember() {
        long[] sorted = pairs.toLongArray();
        pairs.clear();
        pairs.trim();
        LongArrays.radixSort(sorted);
        long codeMask = (1L << CODE_BITS) - 1;
        IntArrayList set = null;
        long member = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                continue;
            }
            long m = sorted[i] >>> CODE_BITS;
            if (set == null || m != member) {
                member = m;
                set = new IntArrayList(4);
                byMember.put(m, set);
            }
            set.add((int) (sorted[i] & codeMask));
        }
    }

    /** Labels every code by the rule: kept, category, chapter or removed. */
    void applyRareRule(int threshold) {
        groupByMember();
        int[] persons = new int[names.size()];
        // each code's ICD-10 category and chapter as numbers, and the persons holding any code of
        // each, counted once per person by marking the person's number on the way
        Object2IntOpenHashMap<String> groups = new Object2IntOpenHashMap<>();
        groups.defaultReturnValue(-1);
        int[] categoryOf = new int[names.size()];
        int[] chapterOf = new int[names.size()];
        for (int code = 0; code < names.size(); code++) {
            String category = icd10.get(names.get(code));
            categoryOf[code] = category == null ? -1 : group(groups, category);
            chapterOf[code] = category == null
                    ? -1
                    : Icd10.chapter(category).map(c -> group(groups, c)).orElse(-1);
        }
        int[] groupPersons = new int[groups.size()];
        int[] lastPerson = new int[groups.size()];
        int person = 0;
        for (IntArrayList set : byMember.values()) {
            person++;
            for (int i = 0; i < set.size(); i++) {
                int code = set.getInt(i);
                persons[code]++;
                int category = categoryOf[code];
                if (category >= 0 && lastPerson[category] != person) {
                    lastPerson[category] = person;
                    groupPersons[category]++;
                }
                int chapter = chapterOf[code];
                if (chapter >= 0 && lastPerson[chapter] != person) {
                    lastPerson[chapter] = person;
                    groupPersons[chapter]++;
                }
            }
        }
        Map<String, Integer> categoryPersons = new HashMap<>();
        Map<String, Integer> chapterPersons = new HashMap<>();
        groups.object2IntEntrySet().forEach(e -> {
            // a category (A00) and a chapter (ch.I) never share a name
            (e.getKey().startsWith("ch.") ? chapterPersons : categoryPersons)
                    .put(e.getKey(), groupPersons[e.getIntValue()]);
        });
        labels = new String[names.size()];
        for (int code = 0; code < labels.length; code++) {
            if (persons[code] >= threshold) {
                labels[code] = names.get(code);
                continue;
            }
            String category = icd10.get(names.get(code));
            Optional<String> chapter = Optional.ofNullable(category).flatMap(Icd10::chapter);
            if (category != null && categoryPersons.getOrDefault(category, 0) >= threshold) {
                labels[code] = category;
                toCategory++;
            } else if (chapter.isPresent() && chapterPersons.getOrDefault(chapter.get(), 0) >= threshold) {
                labels[code] = chapter.get();
                toChapter++;
            } else {
                labels[code] = REMOVED;
                removed++;
            }
        }
    }

    private static int group(Object2IntOpenHashMap<String> groups, String name) {
        int id = groups.getInt(name);
        if (id < 0) {
            id = groups.size();
            groups.put(name, id);
        }
        return id;
    }

    /** The label of a code after the rare-code rule; {@link #REMOVED} when it is removed or unknown. */
    String label(String code) {
        int id = codes.getInt(code);
        return id < 0 ? REMOVED : labels[id];
    }

    /** The member's labels, joined for a set-valued cell (sorted, so the table is the same each time). */
    String cell(long memberId) {
        IntArrayList set = byMember.get(memberId);
        if (set == null) {
            return "";
        }
        TreeSet<String> items = new TreeSet<>();
        for (int i = 0; i < set.size(); i++) {
            String label = labels[set.getInt(i)];
            if (!label.equals(REMOVED)) {
                items.add(label);
            }
        }
        return String.join("|", items);
    }

    /** Level 0 the label, 1 its ICD-10 category, 2 its chapter, 3 nothing. */
    Hierarchy hierarchy() {
        TreeMap<String, String[]> rows = new TreeMap<>();
        IntOpenHashSet seen = new IntOpenHashSet();
        for (int code = 0; code < labels.length; code++) {
            String label = labels[code];
            if (label.equals(REMOVED) || !seen.add(code)) {
                continue;
            }
            if (label.startsWith("ch.")) {
                rows.put(label, new String[] {label, label, label, REMOVED});
            } else if (label.equals(names.get(code))) {
                String category = icd10.get(label);
                String chapter =
                        category == null ? null : Icd10.chapter(category).orElse(null);
                rows.put(label, new String[] {
                    label, category == null ? REMOVED : category, chapter == null ? REMOVED : chapter, REMOVED
                });
            } else {
                String chapter = Icd10.chapter(label).orElse(REMOVED);
                rows.put(label, new String[] {label, label, chapter, REMOVED});
            }
        }
        if (rows.isEmpty()) {
            rows.put("-", new String[] {"-", "-", "-", REMOVED});
        }
        return Hierarchy.of("diagnoses", new ArrayList<>(rows.values()));
    }

    int generalisedToCategory() {
        return toCategory;
    }

    int generalisedToChapter() {
        return toChapter;
    }

    int removedCodes() {
        return removed;
    }

    int distinctCodes() {
        return names.size();
    }
}
