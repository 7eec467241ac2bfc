package jp.kenpo.privacy.anonymizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;

/**
 * Everything one anonymization needs: the table (its columns carry their roles), a hierarchy
 * per quasi-identifier (and per set-valued column, and per sensitive column that t-closeness
 * measures hierarchically), the privacy models, the share of records that may be suppressed,
 * the metric to minimize and the risk threshold the report counts records against.
 */
public record AnonymizationRequest(
        Table table,
        Map<String, Hierarchy> hierarchies,
        Map<String, LevelRange> levels,
        List<PrivacyModel> models,
        double suppressionLimit,
        Metric metric,
        double riskThreshold,
        SearchOptions search) {

    /** The risk threshold the report uses unless told otherwise: one in five. */
    public static final double DEFAULT_RISK_THRESHOLD = 0.2;

    public AnonymizationRequest {
        Objects.requireNonNull(table, "table");
        hierarchies = Map.copyOf(hierarchies);
        levels = Map.copyOf(levels);
        models = List.copyOf(models);
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(search, "search");
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new AnonymizationException(
                    "the suppression limit " + suppressionLimit + " is not a share between 0 and 1");
        }
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new AnonymizationException(
                    "the risk threshold " + riskThreshold + " is not a probability above 0 and at most 1");
        }
    }

    public static Builder builder(Table table) {
        return new Builder(table);
    }

    /** Builds a request step by step; unset values take the defaults. */
    public static final class Builder {
        private final Table table;
        private final Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
        private final Map<String, LevelRange> levels = new LinkedHashMap<>();
        private final List<PrivacyModel> models = new ArrayList<>();
        private double suppressionLimit;
        private Metric metric = Metric.LOSS;
        private double riskThreshold = DEFAULT_RISK_THRESHOLD;
        private SearchOptions search = SearchOptions.DEFAULT;

        private Builder(Table table) {
            this.table = table;
        }

        public Builder hierarchy(String column, Hierarchy hierarchy) {
            hierarchies.put(column, hierarchy);
            return this;
        }

        public Builder levels(String column, int min, int max) {
            levels.put(column, new LevelRange(min, max));
            return this;
        }

        public Builder model(PrivacyModel model) {
            models.add(model);
            return this;
        }

        public Builder suppressionLimit(double share) {
            this.suppressionLimit = share;
            return this;
        }

        public Builder metric(Metric value) {
            this.metric = value;
            return this;
        }

        public Builder riskThreshold(double value) {
            this.riskThreshold = value;
            return this;
        }

        public Builder search(SearchOptions value) {
            this.search = value;
            return this;
        }

        public AnonymizationRequest build() {
            return new AnonymizationRequest(
                    table, hierarchies, levels, models, suppressionLimit, metric, riskThreshold, search);
        }
    }
}
