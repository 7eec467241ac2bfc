package jp.kenpo.privacy.anonymizer.setvalued;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ItemsetCounterTest {

    @Test
    void everyItemsetOfAtMostMItemsIsCountedOncePerRecordWhetherCountedInArraysOrInTheMap() {
        // 40 items and m = 2: arrays; 5,000 items (beyond the arrays' limit) or m = 3: the map
        for (int[] shape : new int[][] {{40, 2}, {40, 1}, {ItemsetCounter.DENSE_LABELS + 904, 2}, {40, 3}}) {
            int labels = shape[0];
            int m = shape[1];
            Random random = new Random(labels * 31L + m);
            ItemsetCounter counter = new ItemsetCounter("d", m, labels);
            Map<String, Integer> expected = new HashMap<>();
            for (int r = 0; r < 2_000; r++) {
                int[] record = new int[random.nextInt(8)];
                for (int i = 0; i < record.length; i++) {
                    // few items mostly, and now and then the last, so that pairs repeat and the edges are hit
                    record[i] = random.nextInt(10) == 0 ? labels - 1 : random.nextInt(Math.min(labels, 12));
                }
                counter.add(record, record.length);
                subsets(
                        new TreeSet<>(Arrays.stream(record).boxed().toList())
                                .stream().mapToInt(Integer::intValue).toArray(),
                        m,
                        expected);
            }
            Map<String, Integer> counted = new HashMap<>();
            counter.forEach((itemset, held) -> counted.put(Arrays.toString(counter.unpack(itemset)), held));
            assertThat(counted).as("%d items, m = %d", labels, m).isEqualTo(expected);
            assertThat(counter.itemSupport(labels - 1)).isEqualTo(expected.getOrDefault("[" + (labels - 1) + "]", 0));
            assertThat(counter.violations(Integer.MAX_VALUE)).isEqualTo(expected.size());
            assertThat(counter.smallestSupport())
                    .isEqualTo(expected.values().stream()
                            .mapToInt(Integer::intValue)
                            .min()
                            .orElse(0));
        }
    }

    @Test
    void theViolationsOfTwoSetsOfRecordsCountedApartAreThoseOfAllCountedTogether() {
        for (int[] shape : new int[][] {{30, 2}, {ItemsetCounter.DENSE_LABELS + 10, 2}, {30, 3}}) {
            Random random = new Random(shape[0] + shape[1]);
            ItemsetCounter released = new ItemsetCounter("d", shape[1], shape[0]);
            ItemsetCounter suppressed = new ItemsetCounter("d", shape[1], shape[0]);
            ItemsetCounter all = new ItemsetCounter("d", shape[1], shape[0]);
            for (int r = 0; r < 500; r++) {
                int[] record = random.ints(random.nextInt(6), 0, 15).toArray();
                (random.nextInt(8) == 0 ? suppressed : released).add(record, record.length);
                all.add(record, record.length);
            }
            for (int k : new int[] {1, 2, 5, 40, 500}) {
                assertThat(released.violationsWith(suppressed, k))
                        .as("%d items, m = %d, k = %d", shape[0], shape[1], k)
                        .isEqualTo(all.violations(k));
            }
        }
    }

    private static void subsets(int[] items, int m, Map<String, Integer> counts) {
        for (int mask = 1; mask < 1 << items.length; mask++) {
            if (Integer.bitCount(mask) > m) {
                continue;
            }
            int[] subset = new int[Integer.bitCount(mask)];
            for (int i = 0, s = 0; i < items.length; i++) {
                if ((mask & 1 << i) != 0) {
                    subset[s++] = items[i];
                }
            }
            counts.merge(Arrays.toString(subset), 1, Integer::sum);
        }
    }
}
