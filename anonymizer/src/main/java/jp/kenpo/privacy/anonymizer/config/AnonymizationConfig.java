package jp.kenpo.privacy.anonymizer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;

/**
 * A configuration file read, before it meets its table: where the input is, how each named
 * column is treated, the models and the search settings. Null fields were not given.
 * {@code modelLines} names the line of each model, for errors found later.
 */
public record AnonymizationConfig(
        Path input,
        Character separator,
        Map<String, ColumnConfig> columns,
        List<PrivacyModel> models,
        List<String> modelLines,
        Double suppressionLimit,
        Metric metric,
        Double riskThreshold,
        SearchOptions search) {

    public AnonymizationConfig {
        columns = Map.copyOf(columns);
        models = List.copyOf(models);
        modelLines = List.copyOf(modelLines);
    }
}
