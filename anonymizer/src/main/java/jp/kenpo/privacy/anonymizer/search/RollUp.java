package jp.kenpo.privacy.anonymizer.search;

/**
 * Evaluates nodes of one problem by rolling them up from the smallest cached snapshot that
 * covers them: an {@link Evaluator} with its {@link SnapshotCache}.
 */
final class RollUp {

    private final Evaluator evaluator;
    private final SnapshotCache cache;

    RollUp(Problem problem) {
        this.evaluator = new Evaluator(problem);
        int[] bottom = problem.lattice.levels(problem.lattice.bottom());
        this.cache = new SnapshotCache(evaluator.snapshot(bottom, evaluator.rowCells()));
    }

    NodeResult evaluate(int[] levels) {
        Cells source = cache.sourceFor(levels);
        Evaluator.Outcome outcome = evaluator.evaluate(levels, source, true);
        cache.offer(outcome.cells(), source);
        return outcome.result();
    }

    long evaluations() {
        return evaluator.evaluations();
    }
}
