package jp.kenpo.privacy.anonymizer.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What every search strategy shares: the node evaluation, the k-only prefilter and the clock. */
abstract class SearchRun {

    final Problem problem;
    final Lattice lattice;
    private final RollUp nodes;
    private RollUp kOnly; // the problem without sensitive models, made on first use
    private final long started = System.nanoTime();
    private final long deadline;

    SearchRun(Problem problem) {
        this.problem = problem;
        this.lattice = problem.lattice;
        this.nodes = new RollUp(problem);
        this.deadline = deadline(started, problem.request.search().timeBudget());
    }

    private static long deadline(long started, Duration budget) {
        if (budget.isZero()) {
            return Long.MAX_VALUE;
        }
        try {
            return Math.addExact(started, budget.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // a budget of centuries is none
        }
    }

    abstract SearchResult run();

    /** The node's evaluation, evaluating it on first use. */
    abstract NodeResult resultOf(long id);

    /** The node's loss lower bound. */
    abstract double bound(long id);

    /**
     * Up from the bottom, always to the successor with the smallest bound, until a node passes:
     * a first solution, cheap because each step rolls up the snapshot of the one before. Returns
     * it, or -1 when time ran out or no node on the way passed.
     */
    long dive() {
        long node = lattice.bottom();
        while (!timeUp()) {
            if (resultOf(node).pass()) {
                return node;
            }
            long next = -1;
            for (int d = 0; d < lattice.dimensions(); d++) {
                long successor = lattice.successor(node, d);
                if (successor >= 0 && (next < 0 || bound(successor) < bound(next))) {
                    next = successor;
                }
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return -1;
    }

    NodeResult evaluate(int[] levels) {
        return nodes.evaluate(levels);
    }

    /**
     * Whether the node cannot beat {@code limit}: with k-anonymity alone it already fails or loses
     * more. Checked on the far smaller snapshots of the quasi-identifiers alone, before the full
     * evaluation with the sensitive models (which can only suppress more, and lose more).
     */
    boolean hopeless(int[] levels, double limit) {
        if (problem.models.length == 0) {
            return false;
        }
        if (kOnly == null) {
            kOnly = new RollUp(problem.withoutSensitiveModels());
        }
        NodeResult quick = kOnly.evaluate(levels);
        return !quick.pass() || quick.loss() > limit;
    }

    boolean timeUp() {
        return System.nanoTime() > deadline;
    }

    /** Whether every model may prune and the metric only grows, so a solution's successors lose. */
    boolean fullyMonotone() {
        for (BoundModel model : problem.models) {
            if (!model.monotone()) {
                return false;
            }
        }
        return problem.request.metric().monotone(problem.request.suppressionLimit());
    }

    SearchResult result(long id, NodeResult node, boolean optimal, String method) {
        int[] levels = lattice.levels(id);
        List<Integer> list = new ArrayList<>(levels.length);
        for (int level : levels) {
            list.add(level);
        }
        return new SearchResult(
                list,
                node.loss(),
                node.suppressed(),
                optimal,
                method,
                lattice.size(),
                nodes.evaluations(),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
