package jp.kenpo.privacy.anonymizer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Finds the full-domain generalization (one level per quasi-identifier) that satisfies the
 * models within the suppression limit with the least information loss.
 */
public final class Search {

    /** Losses closer than this are ties, broken by the lower node. */
    static final double TIE = 1e-12;

    private Search() {}

    public static SearchResult run(Problem problem) {
        SearchOptions options = problem.request.search();
        long nodes = problem.lattice.size();
        boolean exact = switch (options.mode()) {
            case EXACT -> true;
            case HEURISTIC -> false;
            case AUTO -> nodes <= options.maxExactNodes();
        };
        if (exact && nodes > SearchOptions.EXACT_NODE_LIMIT) {
            throw new AnonymizationException("the lattice has " + nodes + " nodes, too many for the exact"
                    + " search (it keeps state for every node, at most " + SearchOptions.EXACT_NODE_LIMIT
                    + "); use search mode auto or heuristic, or narrow the generalization levels");
        }
        return exact ? new ExactSearch(problem).run() : new BestFirstSearch(problem).run();
    }

    /** Whether loss a at node a beats loss b at node b (ties go to the lower, then smaller id). */
    static boolean better(double a, long idA, int sumA, double b, long idB, int sumB) {
        double tolerance = TIE * Math.max(1, Math.abs(b));
        if (a < b - tolerance) {
            return true;
        }
        if (a > b + tolerance) {
            return false;
        }
        return sumA != sumB ? sumA < sumB : idA < idB;
    }

    static int sum(int[] levels) {
        int sum = 0;
        for (int level : levels) {
            sum += level;
        }
        return sum;
    }

    /**
     * Why no solution was found: the suppression limit, and which models suppress more than it
     * allows even at the coarsest node (or that only all of them together do).
     * {@code exhausted} tells whether the search saw every node or ran out of time.
     */
    static AnonymizationException noSolution(Problem problem, boolean exhausted) {
        long limit = problem.maxSuppressed;
        StringBuilder message = new StringBuilder(
                exhausted
                        ? "no generalization satisfies the models"
                        : "no generalization satisfying the models was found within the time budget of "
                                + problem.request.search().timeBudget().toMillis() + " ms");
        message.append(" within the suppression limit of ")
                .append(problem.request.suppressionLimit())
                .append(" (at most ")
                .append(limit)
                .append(" of ")
                .append(problem.rows)
                .append(" records)");
        List<String> failing = new ArrayList<>();
        for (Map.Entry<String, Long> model : problem.suppressedAloneAtTop().entrySet()) {
            if (model.getValue() > limit) {
                failing.add(model.getKey() + " alone suppresses " + model.getValue() + " records");
            }
        }
        int[] top = problem.lattice.levels(problem.lattice.top());
        message.append(": even at the coarsest generalization allowed, ")
                .append(
                        failing.isEmpty()
                                ? "where each model alone is met, all of them together suppress "
                                        + problem.suppressedAt(top) + " records"
                                : String.join(", ", failing));
        return new AnonymizationException(message.append("; raise the suppression limit, relax ")
                .append(failing.size() == 1 ? "that model" : "the models")
                .append(" or allow coarser levels")
                .append(exhausted ? "" : ", or give the search more time")
                .toString());
    }
}
