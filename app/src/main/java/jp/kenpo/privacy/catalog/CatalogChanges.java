package jp.kenpo.privacy.catalog;

import java.util.List;

/** What a catalog version changes against the one before it, for the officer who publishes it. */
public record CatalogChanges(int version, List<PurposeCode> added, List<PurposeCode> retired) {

    public CatalogChanges {
        added = List.copyOf(added);
        retired = List.copyOf(retired);
    }
}
