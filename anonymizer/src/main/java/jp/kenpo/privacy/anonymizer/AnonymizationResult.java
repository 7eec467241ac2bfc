package jp.kenpo.privacy.anonymizer;

import java.util.List;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.search.SearchResult;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/**
 * An anonymized table (匿名加工情報 once released) with the account of how it was made: the
 * transformation chosen, what the search did, the measures of the input and of the output side
 * by side, what happened to each set-valued column, and the identifying columns removed.
 */
public record AnonymizationResult(
        Table output,
        List<Generalization> transformation,
        SearchResult search,
        Measures before,
        Measures after,
        List<KmResult> setValued,
        List<String> removedColumns,
        List<String> warnings) {

    public AnonymizationResult {
        transformation = List.copyOf(transformation);
        setValued = List.copyOf(setValued);
        removedColumns = List.copyOf(removedColumns);
        warnings = List.copyOf(warnings);
    }
}
