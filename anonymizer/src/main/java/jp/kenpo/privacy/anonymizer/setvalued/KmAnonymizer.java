package jp.kenpo.privacy.anonymizer.setvalued;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntPredicate;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.SetColumn;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.hierarchy.HierarchyRule;
import jp.kenpo.privacy.anonymizer.hierarchy.LevelCodes;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;

/**
 * Makes a set-valued column (k,m)-anonymous over the records the relational search released
 * (Terrovitis, Mamoulis and Kalnis 2008). Every item is generalized to one level of the item
 * hierarchy; the itemsets of at most m items that fewer than k records hold are then broken by
 * removing generalized items from every record, chosen greedily to hit the most violations
 * (global suppression, Xu et al. 2008). Removing an item everywhere leaves the support of every
 * other itemset as it was, so no new violation can appear; records are never removed, so the
 * relational classes keep their sizes. Of all levels the one losing least is taken.
 */
public final class KmAnonymizer {

    /** The released column and the account of how it was made. */
    public record Outcome(SetColumn column, KmResult result) {}

    private KmAnonymizer() {}

    /**
     * @param hierarchy the item hierarchy, or null for items → {@code *}
     * @param suppressedRow which rows the relational search suppressed; they release {@code *}
     */
    public static Outcome anonymize(Table table, KmAnonymity model, Hierarchy hierarchy, IntPredicate suppressedRow) {
        SetColumn column = (SetColumn) table.column(model.column());
        LevelCodes codes = encode(table, model, hierarchy);
        boolean[] none = new boolean[0];
        // the items as they are, over the released rows: the first level's choice and, with the
        // few suppressed rows counted apart, the violations before (no second count of every row)
        ItemsetCounter items = count(column, codes.codes()[0], model, row -> !suppressedRow.test(row));
        long violationsBefore = violationsOfAll(column, codes, model, items, suppressedRow);
        Choice best = null;
        for (int level = 0; level < codes.levels(); level++) {
            ItemsetCounter counter =
                    level == 0 ? items : count(column, codes.codes()[level], model, row -> !suppressedRow.test(row));
            Choice choice = choose(column, codes, level, counter, model.k(), suppressedRow, none);
            if (best == null || choice.loss < best.loss - 1e-12) {
                best = choice;
            }
        }
        return outcome(model, codes, column, best, suppressedRow, violationsBefore);
    }

    /** The itemsets of level-0 items that all the rows hold fewer than k times: the released' counts and the others'. */
    private static long violationsOfAll(
            SetColumn column,
            LevelCodes codes,
            KmAnonymity model,
            ItemsetCounter released,
            IntPredicate suppressedRow) {
        return released.violationsWith(count(column, codes.codes()[0], model, suppressedRow), model.k());
    }

    /**
     * Makes the column (k,m)-anonymous again once other rows are suppressed than those it was made
     * for (a check after the search suppressed more, or released some the search had suppressed):
     * at the level {@code earlier} chose, with the items it removed still removed, the itemsets the
     * released rows now hold fewer than k times are broken as the search breaks them. The level is
     * the one chosen: items removed there leave every other itemset's support as it was, so one
     * pass leaves no violation, and choosing a level anew would be the search's work again.
     *
     * @param suppressedRow which rows are suppressed now
     */
    public static Outcome recheck(
            Table table, KmAnonymity model, Hierarchy hierarchy, IntPredicate suppressedRow, KmResult earlier) {
        SetColumn column = (SetColumn) table.column(model.column());
        LevelCodes codes = encode(table, model, hierarchy);
        int level = earlier.level();
        if (level < 0 || level >= codes.levels()) {
            throw new AnonymizationException("(k,m)-anonymity on '" + model.column() + "': level " + level
                    + " is not one of the " + codes.levels() + " levels of its hierarchy");
        }
        String[] labels = codes.labels()[level];
        Set<String> removed = Set.copyOf(earlier.suppressedItems());
        boolean[] already = new boolean[labels.length];
        for (int label = 0; label < labels.length; label++) {
            already[label] = removed.contains(labels[label]);
        }
        ItemsetCounter counter = count(column, codes.codes()[level], model, row -> !suppressedRow.test(row));
        ItemsetCounter items =
                level == 0 ? counter : count(column, codes.codes()[0], model, row -> !suppressedRow.test(row));
        return outcome(
                model,
                codes,
                column,
                choose(column, codes, level, counter, model.k(), suppressedRow, already),
                suppressedRow,
                violationsOfAll(column, codes, model, items, suppressedRow));
    }

    private static LevelCodes encode(Table table, KmAnonymity model, Hierarchy hierarchy) {
        SetColumn column = (SetColumn) table.column(model.column());
        String[] items = column.dictionary();
        Hierarchy itemHierarchy = hierarchy != null ? hierarchy : itemsOrTop(model.column(), items);
        return itemHierarchy.encode(model.column(), items, item -> table.locate(firstRowHolding(column, item)));
    }

    private static Outcome outcome(
            KmAnonymity model,
            LevelCodes codes,
            SetColumn column,
            Choice best,
            IntPredicate suppressedRow,
            long violationsBefore) {
        SetColumn released = release(column, codes, best, suppressedRow);
        ItemsetCounter after =
                count(released, identity(released.distinctItems()), model, row -> !suppressedRow.test(row));
        List<String> removed = new ArrayList<>();
        for (int code = 0; code < best.suppressed.length; code++) {
            if (best.suppressed[code]) {
                removed.add(codes.labels()[best.level][code]);
            }
        }
        KmResult result = new KmResult(
                model.column(),
                model.k(),
                model.m(),
                best.level,
                codes.levels(),
                removed,
                best.suppressedOccurrences,
                best.occurrences,
                best.loss,
                violationsBefore,
                after.violations(model.k()),
                after.smallestSupport());
        return new Outcome(released, result);
    }

    private record Choice(int level, boolean[] suppressed, long suppressedOccurrences, long occurrences, double loss) {}

    // already: labels removed before, whose itemsets need no breaking (an empty array: none)
    private static Choice choose(
            SetColumn column,
            LevelCodes codes,
            int level,
            ItemsetCounter counter,
            int k,
            IntPredicate suppressedRow,
            boolean[] already) {
        int[] code = codes.codes()[level];
        boolean[] suppressed = hittingSet(counter, k, codes.size(level), already);
        // loss per original item: the share of items its label stands for, 1 when removed
        int distinct = column.distinctItems();
        int[] share = new int[codes.size(level)];
        for (int item = 0; item < distinct; item++) {
            share[code[item]]++;
        }
        double lost = 0;
        long occurrences = 0;
        long removed = 0;
        for (int row = 0; row < column.size(); row++) {
            if (suppressedRow.test(row)) {
                continue;
            }
            for (int i = 0; i < column.itemCount(row); i++) {
                int label = code[column.item(row, i)];
                occurrences++;
                if (suppressed[label]) {
                    removed++;
                    lost += 1;
                } else if (distinct > 1) {
                    lost += (share[label] - 1) / (double) (distinct - 1);
                }
            }
        }
        return new Choice(level, suppressed, removed, occurrences, occurrences == 0 ? 0 : lost / occurrences);
    }

    private static ItemsetCounter count(SetColumn column, int[] code, KmAnonymity model, IntPredicate counted) {
        int labels = 0;
        for (int c : code) {
            labels = Math.max(labels, c + 1);
        }
        ItemsetCounter counter = new ItemsetCounter(model.column(), model.m(), labels);
        int[] record = new int[16];
        for (int row = 0; row < column.size(); row++) {
            if (!counted.test(row)) {
                continue;
            }
            int length = column.itemCount(row);
            if (record.length < length) {
                record = new int[Math.max(length, record.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                record[i] = code[column.item(row, i)];
            }
            counter.add(record, length);
        }
        return counter;
    }

    // Greedy hitting set: remove the item in the most unbroken violations until none is left.
    // A violation holding an item already removed is broken already.
    private static boolean[] hittingSet(ItemsetCounter counter, int k, int labels, boolean[] already) {
        boolean[] suppressed = java.util.Arrays.copyOf(already, labels);
        List<int[]> violations = new ArrayList<>();
        counter.forEach((itemset, held) -> {
            if (held < k) {
                int[] items = counter.unpack(itemset);
                if (!holdsAny(items, suppressed)) {
                    violations.add(items);
                }
            }
        });
        if (violations.isEmpty()) {
            return suppressed;
        }
        IntArrayList[] containing = new IntArrayList[labels];
        int[] open = new int[labels];
        for (int v = 0; v < violations.size(); v++) {
            for (int item : violations.get(v)) {
                if (containing[item] == null) {
                    containing[item] = new IntArrayList();
                }
                containing[item].add(v);
                open[item]++;
            }
        }
        int[] support = new int[labels];
        for (int item = 0; item < labels; item++) {
            support[item] = counter.itemSupport(item);
        }
        // most open violations first; then the rarer item (fewer values lost); then the lower code
        PriorityQueue<int[]> queue = new PriorityQueue<>((a, b) -> a[1] != b[1]
                ? Integer.compare(b[1], a[1])
                : support[a[0]] != support[b[0]]
                        ? Integer.compare(support[a[0]], support[b[0]])
                        : Integer.compare(a[0], b[0]));
        for (int item = 0; item < labels; item++) {
            if (open[item] > 0) {
                queue.add(new int[] {item, open[item]});
            }
        }
        boolean[] broken = new boolean[violations.size()];
        int remaining = violations.size();
        while (remaining > 0) {
            int[] top = queue.poll();
            int item = top[0];
            if (top[1] != open[item]) { // stale entry: requeue with its current count
                if (open[item] > 0) {
                    queue.add(new int[] {item, open[item]});
                }
                continue;
            }
            suppressed[item] = true;
            for (int v : containing[item]) {
                if (!broken[v]) {
                    broken[v] = true;
                    remaining--;
                    for (int other : violations.get(v)) {
                        open[other]--;
                    }
                }
            }
        }
        return suppressed;
    }

    private static boolean holdsAny(int[] itemset, boolean[] items) {
        for (int item : itemset) {
            if (items[item]) {
                return true;
            }
        }
        return false;
    }

    private static SetColumn release(SetColumn column, LevelCodes codes, Choice choice, IntPredicate suppressedRow) {
        int[] code = codes.codes()[choice.level];
        String[] labels = codes.labels()[choice.level];
        String[] dictionary = java.util.Arrays.copyOf(labels, labels.length + 1);
        int star = labels.length;
        dictionary[star] = HierarchyRule.TOP;
        int[] offsets = new int[column.size() + 1];
        IntArrayList released = new IntArrayList();
        for (int row = 0; row < column.size(); row++) {
            int start = released.size();
            if (suppressedRow.test(row)) {
                released.add(star);
            } else {
                for (int i = 0; i < column.itemCount(row); i++) {
                    int label = code[column.item(row, i)];
                    if (!choice.suppressed[label]
                            && !released.subList(start, released.size()).contains(label)) {
                        released.add(label);
                    }
                }
            }
            offsets[row + 1] = released.size();
        }
        ColumnSpec spec = column.spec();
        return SetColumn.of(spec, dictionary, offsets, released.toIntArray());
    }

    private static Hierarchy itemsOrTop(String column, String[] items) {
        List<String[]> rows = new ArrayList<>(items.length);
        for (String item : items) {
            rows.add(new String[] {item, HierarchyRule.TOP});
        }
        return Hierarchy.of("items of '" + column + "' or " + HierarchyRule.TOP, rows);
    }

    private static int[] identity(int size) {
        int[] identity = new int[size];
        for (int i = 0; i < size; i++) {
            identity[i] = i;
        }
        return identity;
    }

    private static int firstRowHolding(SetColumn column, int item) {
        for (int row = 0; row < column.size(); row++) {
            for (int i = 0; i < column.itemCount(row); i++) {
                if (column.item(row, i) == item) {
                    return row;
                }
            }
        }
        throw new IllegalStateException("item " + item + " is in no row");
    }
}
