package jp.kenpo.privacy.anonymizer.search;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.PriorityQueue;

/**
 * The search for lattices too large to enumerate, under a time budget. It first dives from the
 * bottom along the cheapest successors to the first solution, so that it has an answer early,
 * then visits nodes best-first by their loss lower bound, expanding only nodes whose bound is
 * below the best loss found. If the queue empties before the budget ends, no unvisited node can
 * be better and the answer is proven optimal. Like the exact search it tries a node with
 * k-anonymity alone before evaluating it with the sensitive models.
 */
final class BestFirstSearch extends SearchRun {

    private record Queued(long id, double bound) {}

    private final Long2ObjectOpenHashMap<NodeResult> results = new Long2ObjectOpenHashMap<>();

    BestFirstSearch(Problem problem) {
        super(problem);
    }

    @Override
    SearchResult run() {
        long top = lattice.top();
        long best = resultOf(top).pass() ? top : -1;
        long dived = dive();
        if (dived >= 0 && (best < 0 || better(dived, best))) {
            best = dived;
        }
        boolean pruneAboveSolutions = fullyMonotone();
        PriorityQueue<Queued> queue = new PriorityQueue<>(
                (a, b) -> a.bound() != b.bound() ? Double.compare(a.bound(), b.bound()) : Long.compare(a.id(), b.id()));
        LongOpenHashSet queued = new LongOpenHashSet();
        queue.add(new Queued(lattice.bottom(), bound(lattice.bottom())));
        queued.add(lattice.bottom());
        boolean optimal = true;
        while (!queue.isEmpty()) {
            Queued next = queue.poll();
            if (next.bound() > limit(best)) {
                break;
            }
            if (timeUp()) {
                optimal = false;
                break;
            }
            // a node k-anonymity alone rules out is not evaluated, but its successors may still win
            if (results.containsKey(next.id()) || !hopeless(lattice.levels(next.id()), limit(best))) {
                NodeResult result = resultOf(next.id());
                if (result.pass() && (best < 0 || better(next.id(), best))) {
                    best = next.id();
                }
                if (result.pass() && pruneAboveSolutions) {
                    continue;
                }
            }
            for (int d = 0; d < lattice.dimensions(); d++) {
                long successor = lattice.successor(next.id(), d);
                if (successor >= 0 && !queued.contains(successor)) {
                    double bound = bound(successor);
                    if (bound <= limit(best)) {
                        queued.add(successor);
                        queue.add(new Queued(successor, bound));
                    }
                }
            }
        }
        if (best < 0) {
            throw Search.noSolution(problem, optimal);
        }
        return result(best, results.get(best), optimal, "best-first");
    }

    // the bound above which a node cannot beat the best solution (none yet: no bound)
    private double limit(long best) {
        return best < 0 ? Double.POSITIVE_INFINITY : results.get(best).loss() * (1 + Search.TIE) + Search.TIE;
    }

    @Override
    double bound(long id) {
        return problem.loss.lowerBound(lattice.levels(id));
    }

    @Override
    NodeResult resultOf(long id) {
        NodeResult result = results.get(id);
        if (result == null) {
            result = evaluate(lattice.levels(id));
            results.put(id, result);
        }
        return result;
    }

    private boolean better(long a, long b) {
        return Search.better(
                results.get(a).loss(),
                a,
                Search.sum(lattice.levels(a)),
                results.get(b).loss(),
                b,
                Search.sum(lattice.levels(b)));
    }
}
