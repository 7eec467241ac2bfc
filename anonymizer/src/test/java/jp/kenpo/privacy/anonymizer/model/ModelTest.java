package jp.kenpo.privacy.anonymizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final long[] UNIFORM = {25, 25, 25, 25};
    // a, b under X; c, d under Y; X and Y under the top
    private static final int[][] TREE = {{0, 1, 2, 3}, {0, 0, 1, 1}, {0, 0, 0, 0}};

    private static ClassDistribution of(SensitiveDomain domain, int... counts) {
        ClassDistribution d = new ClassDistribution(domain);
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                d.add(code, counts[code]);
            }
        }
        return d;
    }

    @Test
    void earthMoversDistanceByHand() {
        SensitiveDomain domain = SensitiveDomain.of(UNIFORM, TREE);
        ClassDistribution allA = of(domain, 4, 0, 0, 0);
        // equal distance: half of |1-.25| + 3 * |0-.25|
        assertThat(allA.equalDistance()).isCloseTo(0.75, within(1e-12));
        // .25 moves a→b within X at cost 1/2, .5 moves to c, d across the top at cost 1
        assertThat(allA.hierarchicalDistance()).isCloseTo(0.625, within(1e-12));
        assertThat(of(domain, 1, 1, 1, 1).hierarchicalDistance()).isCloseTo(0, within(1e-12));
        assertThat(of(domain, 1, 1, 0, 0).hierarchicalDistance()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void hierarchicalDistanceUnderSeveralTopsByHand() {
        // a, b under X; c under Y; no label above X and Y. Ground distances: a-b 1/2 (X at level 1
        // of a tree 2 high once a root joins X and Y), a-c and b-c 1 (only the root is common).
        SensitiveDomain domain = SensitiveDomain.of(new long[] {1, 1, 1}, new int[][] {{0, 1, 2}, {0, 0, 1}});
        // all a: 1/3 moves to b at 1/2 and 1/3 to c at 1
        assertThat(of(domain, 3, 0, 0).hierarchicalDistance()).isCloseTo(1.0 / 6 + 1.0 / 3, within(1e-12));
        // half a, half b: 1/6 from each moves to c at 1
        assertThat(of(domain, 1, 1, 0).hierarchicalDistance()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(of(domain, 1, 1, 1).hierarchicalDistance()).isCloseTo(0, within(1e-12));
        // values without any label above them: every two are 1 apart, as with the equal distance
        SensitiveDomain flat = SensitiveDomain.of(UNIFORM, new int[][] {{0, 1, 2, 3}});
        assertThat(of(flat, 4, 0, 0, 0).hierarchicalDistance()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void diversityVariantsByHand() {
        SensitiveDomain domain = SensitiveDomain.of(UNIFORM);
        ClassDistribution skewed = of(domain, 8, 1, 1, 0);
        assertThat(new DistinctLDiversity("s", 3).holds(skewed)).isTrue();
        assertThat(new DistinctLDiversity("s", 4).holds(skewed)).isFalse();
        // entropy of (.8, .1, .1) is 0.639 nats: above log 1.8 = 0.588, below log 2 = 0.693
        assertThat(new EntropyLDiversity("s", 1.8).holds(skewed)).isTrue();
        assertThat(new EntropyLDiversity("s", 2).holds(skewed)).isFalse();
        assertThat(new EntropyLDiversity("s", 2).holds(of(domain, 3, 3, 0, 0))).isTrue();
        // r1 = 8 against c (r2 + r3) = c * 2
        assertThat(new RecursiveCLDiversity("s", 5, 2).holds(skewed)).isTrue();
        assertThat(new RecursiveCLDiversity("s", 4, 2).holds(skewed)).isFalse();
        assertThat(new RecursiveCLDiversity("s", 100, 3).holds(of(domain, 5, 5, 0, 0)))
                .isFalse();
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new KAnonymity(0)).hasMessageContaining("k = 0 is below 1");
        assertThatThrownBy(() -> new TCloseness("s", 1.5, TCloseness.Distance.EQUAL))
                .hasMessageContaining("t = 1.5 is not between 0 and 1");
        assertThatThrownBy(() -> new RecursiveCLDiversity("s", 0, 2)).hasMessageContaining("c = 0.0");
        assertThatThrownBy(() -> new KmAnonymity("d", 5, 0)).hasMessageContaining("m = 0 is below 1");
    }

    /**
     * The search prunes with a model only as the model promises: two classes that satisfy it
     * merge into one that does (all four, used without suppression), and for distinct l-diversity
     * a satisfying class merged with any class still does (used with suppression too).
     */
    @Test
    void mergingSatisfyingClassesKeepsEveryModelSatisfied() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            int size = 2 + random.nextInt(5);
            long[] whole = new long[size];
            for (int i = 0; i < size; i++) {
                whole[i] = 1 + random.nextInt(20);
            }
            // with or without a common top above the halves
            int[][] tree = random.nextBoolean()
                    ? new int[][] {identity(size), halves(size), new int[size]}
                    : new int[][] {identity(size), halves(size)};
            SensitiveDomain domain = SensitiveDomain.of(whole, tree);
            int[] a = randomCounts(random, size);
            int[] b = randomCounts(random, size);
            int[] merged = new int[size];
            for (int i = 0; i < size; i++) {
                merged[i] = a[i] + b[i];
            }
            for (SensitiveModel model : List.of(
                    new DistinctLDiversity("s", 1 + random.nextInt(3)),
                    new EntropyLDiversity("s", 1 + 2 * random.nextDouble()),
                    new RecursiveCLDiversity("s", 0.5 + 3 * random.nextDouble(), 2 + random.nextInt(2)),
                    new TCloseness("s", random.nextDouble() * 0.6, TCloseness.Distance.EQUAL),
                    new TCloseness("s", random.nextDouble() * 0.6, TCloseness.Distance.HIERARCHICAL))) {
                boolean holdsA = model.holds(of(domain, a));
                boolean holdsB = model.holds(of(domain, b));
                boolean holdsMerged = model.holds(of(domain, merged));
                if (holdsA && holdsB) {
                    assertThat(holdsMerged).as("%s on %s + %s", model, a, b).isTrue();
                }
                if (model.monotoneWithSuppression() && holdsA) {
                    assertThat(holdsMerged).as("%s on %s + anything", model, a).isTrue();
                }
            }
        }
    }

    private static int[] randomCounts(Random random, int size) {
        int[] counts = new int[size];
        counts[random.nextInt(size)] = 1;
        for (int i = 0; i < size; i++) {
            counts[i] += random.nextInt(3) == 0 ? 0 : random.nextInt(6);
        }
        return counts;
    }

    private static int[] identity(int size) {
        int[] identity = new int[size];
        for (int i = 0; i < size; i++) {
            identity[i] = i;
        }
        return identity;
    }

    private static int[] halves(int size) {
        int[] halves = new int[size];
        for (int i = 0; i < size; i++) {
            halves[i] = i < size / 2 ? 0 : 1;
        }
        return halves;
    }
}
