package jp.kenpo.privacy.catalog;

import java.util.Map;

/** Where the parts of a catalog file are, so that a rule the file breaks can name its line. */
record SourceLines(
        int version, int effectiveFrom, Map<Integer, Integer> categories, Map<PurposeCode, Integer> purposes) {

    SourceLines {
        categories = Map.copyOf(categories);
        purposes = Map.copyOf(purposes);
    }

    /** 0, the file as a whole, when the file has no such category. */
    int category(int number) {
        return categories.getOrDefault(number, 0);
    }

    int purpose(PurposeCode code) {
        return purposes.getOrDefault(code, 0);
    }
}
