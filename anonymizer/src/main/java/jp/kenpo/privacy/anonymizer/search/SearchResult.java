package jp.kenpo.privacy.anonymizer.search;

import java.time.Duration;
import java.util.List;

/**
 * The transformation the search chose: one generalization level per quasi-identifier (in the
 * order of {@link Problem#quasiIdentifiers()}), its loss under the request's metric, how many
 * records it suppresses, and whether the search proved no other node has less loss.
 */
public record SearchResult(
        List<Integer> levels,
        double loss,
        long suppressed,
        boolean optimal,
        String method,
        long latticeSize,
        long nodesEvaluated,
        Duration elapsed) {

    public SearchResult {
        levels = List.copyOf(levels);
    }

    public int[] levelArray() {
        return levels.stream().mapToInt(Integer::intValue).toArray();
    }
}
