package jp.kenpo.privacy.anonymizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.LongStream;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On random small tables the search must find exactly the optimum of an exhaustive scan by the
 * plain {@link Reference}, whatever the models, suppression limit, metric and level ranges.
 */
class OptimalityTest {

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactSearchFindsTheOptimumOfAnExhaustiveScan(long seed) {
        check(RandomTables.request(seed, false), SearchOptions.Mode.EXACT);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bestFirstSearchWithoutBudgetFindsItToo(long seed) {
        check(RandomTables.request(seed, false), SearchOptions.Mode.HEURISTIC);
    }

    private static void check(AnonymizationRequest random, SearchOptions.Mode mode) {
        AnonymizationRequest request = new AnonymizationRequest(
                random.table(),
                random.hierarchies(),
                random.levels(),
                random.models(),
                random.suppressionLimit(),
                random.metric(),
                random.riskThreshold(),
                SearchOptions.DEFAULT.withMode(mode).withTimeBudget(Duration.ZERO));
        Reference reference = new Reference(request);
        double optimum = reference.optimum();
        if (Double.isNaN(optimum)) {
            assertThatThrownBy(() -> Anonymizer.anonymize(request))
                    .isInstanceOf(AnonymizationException.class)
                    // refused up front, or after the search with the models that suppress too much
                    .hasMessageMatching("impossible: .*|no generalization satisf.* within the suppression limit"
                            + " of .*: even at the coarsest generalization allowed, .* suppress.*");
            return;
        }
        AnonymizationResult result = Anonymizer.anonymize(request);
        assertThat(result.search().optimal()).isTrue();
        assertThat(result.search().loss()).isCloseTo(optimum, within(1e-9));
        Reference.Node chosen = reference.evaluate(result.search().levels());
        assertThat(chosen.pass()).isTrue();
        assertThat(chosen.loss()).isCloseTo(optimum, within(1e-9));
        assertThat(result.search().suppressed()).isEqualTo(chosen.suppressed());
        assertThat(result.after().classes().suppressed()).isEqualTo(chosen.suppressed());
        assertThat(result.after().informationLoss().of(request.metric())).isCloseTo(optimum, within(1e-9));
        Recount.assertReportedMeasures(reference, request, result);
    }
}
