package jp.kenpo.privacy.anonymizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.DistinctLDiversity;
import jp.kenpo.privacy.anonymizer.model.EntropyLDiversity;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.model.RecursiveCLDiversity;
import jp.kenpo.privacy.anonymizer.model.TCloseness;

/**
 * A slow, plain re-implementation of the definitions, written from the papers and not from the
 * engine: strings and hash maps, every node evaluated from the rows. The tests hold the engine
 * to it.
 */
final class Reference {

    private final AnonymizationRequest request;
    private final Table table;
    private final List<String> quasi;
    private final int rows;

    Reference(AnonymizationRequest request) {
        this.request = request;
        this.table = request.table();
        this.quasi = table.columnsWith(Role.QUASI_IDENTIFYING);
        this.rows = table.rowCount();
    }

    /** Result of one node: whether it is a solution and its loss. */
    record Node(List<Integer> levels, boolean pass, long suppressed, double loss) {}

    /** Every node of the lattice within the level ranges. */
    List<Node> all() {
        List<Node> nodes = new ArrayList<>();
        enumerate(new ArrayList<>(), nodes);
        return nodes;
    }

    /** The least loss of any solution, or NaN when there is none. */
    double optimum() {
        double best = Double.NaN;
        for (Node node : all()) {
            if (node.pass() && (Double.isNaN(best) || node.loss() < best)) {
                best = node.loss();
            }
        }
        return best;
    }

    private void enumerate(List<Integer> prefix, List<Node> out) {
        if (prefix.size() == quasi.size()) {
            out.add(evaluate(prefix));
            return;
        }
        String column = quasi.get(prefix.size());
        Hierarchy hierarchy = request.hierarchies().get(column);
        LevelRange range = request.levels().getOrDefault(column, new LevelRange(0, hierarchy.levels() - 1));
        for (int level = range.min(); level <= range.max(); level++) {
            prefix.add(level);
            enumerate(prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    String label(String column, int row, int level) {
        String value = table.text(row, table.indexOf(column));
        return request.hierarchies().get(column).generalize(value, level).orElseThrow();
    }

    /**
     * The rows grouped by their labels at the levels and, with {@code applyModels}, the rows of
     * the classes that fail a model (suppressed).
     */
    record Grouping(Map<List<String>, List<Integer>> classes, Set<Integer> suppressed) {

        /** The classes released, each as its rows. */
        List<List<Integer>> released() {
            return classes.values().stream()
                    .filter(members -> !suppressed.contains(members.get(0)))
                    .toList();
        }
    }

    Grouping group(List<Integer> levels, boolean applyModels) {
        Map<List<String>, List<Integer>> classes = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            List<String> key = new ArrayList<>();
            for (int q = 0; q < quasi.size(); q++) {
                key.add(label(quasi.get(q), r, levels.get(q)));
            }
            classes.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
        }
        Set<Integer> suppressed = new HashSet<>();
        for (List<Integer> members : classes.values()) {
            if (applyModels && !holds(members)) {
                suppressed.addAll(members);
            }
        }
        return new Grouping(classes, suppressed);
    }

    Node evaluate(List<Integer> levels) {
        Grouping grouping = group(levels, true);
        long limit = (long) Math.floor(request.suppressionLimit() * rows + 1e-9);
        boolean pass = grouping.suppressed().size() <= limit;
        double loss = pass ? loss(request.metric(), levels, grouping) : Double.POSITIVE_INFINITY;
        return new Node(List.copyOf(levels), pass, grouping.suppressed().size(), loss);
    }

    /** Whether one class satisfies every relational model. */
    boolean holds(List<Integer> members) {
        for (PrivacyModel model : request.models()) {
            if (model instanceof KAnonymity k && members.size() < k.k()) {
                return false;
            }
            if (model instanceof DistinctLDiversity l
                    && counts(l.column(), members).size() < l.l()) {
                return false;
            }
            if (model instanceof EntropyLDiversity l) {
                double entropy = 0;
                for (int count : counts(l.column(), members).values()) {
                    double p = (double) count / members.size();
                    entropy -= p * Math.log(p);
                }
                if (entropy < Math.log(l.l()) - 1e-12) {
                    return false;
                }
            }
            if (model instanceof RecursiveCLDiversity cl) {
                List<Integer> sorted =
                        new ArrayList<>(counts(cl.column(), members).values());
                sorted.sort((a, b) -> b - a);
                if (sorted.size() < cl.l()) {
                    return false;
                }
                long tail = 0;
                for (int i = cl.l() - 1; i < sorted.size(); i++) {
                    tail += sorted.get(i);
                }
                if (!(sorted.get(0) < cl.c() * tail)) {
                    return false;
                }
            }
            if (model instanceof TCloseness t && distance(t, members) > t.t() + 1e-12) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Integer> counts(String column, List<Integer> members) {
        Map<String, Integer> counts = new HashMap<>();
        int c = table.indexOf(column);
        for (int r : members) {
            counts.merge(table.text(r, c), 1, Integer::sum);
        }
        return counts;
    }

    double distance(TCloseness model, List<Integer> members) {
        List<Integer> everyone = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            everyone.add(r);
        }
        Map<String, Integer> whole = counts(model.column(), everyone);
        Map<String, Integer> part = counts(model.column(), members);
        Map<String, Double> extra = new HashMap<>();
        for (String value : whole.keySet()) {
            extra.put(value, part.getOrDefault(value, 0) / (double) members.size() - whole.get(value) / (double) rows);
        }
        if (model.distance() == TCloseness.Distance.EQUAL) {
            double sum = 0;
            for (double e : extra.values()) {
                sum += Math.abs(e);
            }
            return sum / 2;
        }
        return treeDistance(request.hierarchies().get(model.column()), extra);
    }

    /**
     * The Earth Mover's Distance on the hierarchy's tree, by the closed form for tree metrics
     * rather than the engine's bottom-up matching: mass that crosses an edge pays the edge's
     * length, so the distance is the sum, over every node but the root, of the surplus beneath
     * it times the length of its edge. The ground distance level(lowest common ancestor) / height
     * makes every edge 1 / (2 height) long. Top labels that differ get a root above them.
     */
    private static double treeDistance(Hierarchy hierarchy, Map<String, Double> extra) {
        int levels = hierarchy.levels();
        Set<String> tops = new HashSet<>();
        for (String value : extra.keySet()) {
            tops.add(hierarchy.generalize(value, levels - 1).orElseThrow());
        }
        int height = tops.size() > 1 ? levels : levels - 1;
        double sum = 0;
        for (int level = 0; level < height; level++) {
            Map<String, Double> surplus = new HashMap<>();
            for (Map.Entry<String, Double> entry : extra.entrySet()) {
                surplus.merge(hierarchy.generalize(entry.getKey(), level).orElseThrow(), entry.getValue(), Double::sum);
            }
            for (double below : surplus.values()) {
                sum += Math.abs(below);
            }
        }
        return height == 0 ? 0 : sum / (2.0 * height);
    }

    double loss(Metric metric, List<Integer> levels, Grouping grouping) {
        Map<List<String>, List<Integer>> classes = grouping.classes();
        Set<Integer> suppressed = grouping.suppressed();
        int q = quasi.size();
        switch (metric) {
            case DISCERNIBILITY -> {
                double sum = 0;
                for (List<Integer> members : classes.values()) {
                    if (!suppressed.contains(members.get(0))) {
                        sum += (double) members.size() * members.size();
                    }
                }
                return (sum + (double) suppressed.size() * rows) / ((double) rows * rows);
            }
            case AVERAGE_CLASS_SIZE -> {
                int released = 0;
                for (List<Integer> members : classes.values()) {
                    if (!suppressed.contains(members.get(0))) {
                        released++;
                    }
                }
                return (double) rows / (released + (suppressed.isEmpty() ? 0 : 1));
            }
            default -> {}
        }
        double total = 0;
        double maximum = 0;
        for (int c = 0; c < q; c++) {
            String column = quasi.get(c);
            int level = levels.get(c);
            Hierarchy hierarchy = request.hierarchies().get(column);
            Map<String, Integer> valueCount = new HashMap<>();
            Map<String, Integer> labelCount = new HashMap<>();
            Map<String, Set<String>> labelValues = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                String value = table.text(r, table.indexOf(column));
                String label = label(column, r, level);
                valueCount.merge(value, 1, Integer::sum);
                labelCount.merge(label, 1, Integer::sum);
                labelValues.computeIfAbsent(label, x -> new HashSet<>()).add(value);
            }
            int distinct = valueCount.size();
            for (int r = 0; r < rows; r++) {
                String value = table.text(r, table.indexOf(column));
                String label = label(column, r, level);
                double max = metric == Metric.NON_UNIFORM_ENTROPY ? log2((double) rows / valueCount.get(value)) : 1;
                maximum += max;
                if (suppressed.contains(r)) {
                    total += max;
                    continue;
                }
                total += switch (metric) {
                    case LOSS -> distinct == 1 ? 0 : (labelValues.get(label).size() - 1) / (double) (distinct - 1);
                    case PRECISION -> hierarchy.levels() == 1 ? 0 : (double) level / (hierarchy.levels() - 1);
                    case NON_UNIFORM_ENTROPY -> log2((double) labelCount.get(label) / valueCount.get(value));
                    default -> throw new AssertionError(metric);
                };
            }
        }
        return maximum == 0 ? 0 : total / maximum;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
