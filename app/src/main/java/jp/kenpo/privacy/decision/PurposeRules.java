package jp.kenpo.privacy.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;

/**
 * For each purpose, the days on which it was in force and as what: the catalog versions laid
 * end to end, each from its effective date to the next one's, less retirements.
 */
final class PurposeRules {

    /** A purpose as published by one version, over the days [fromDay, toDay). */
    record InForce(Purpose purpose, int version, int fromDay, int toDay, int firstPublishedDay) {}

    static final PurposeRules NONE = new PurposeRules(Map.of(), new int[0], new int[0]);

    private final Map<PurposeCode, InForce[]> byCode;
    private final int[] versionFromDay;
    private final int[] versionNumber;

    private PurposeRules(Map<PurposeCode, InForce[]> byCode, int[] versionFromDay, int[] versionNumber) {
        this.byCode = byCode;
        this.versionFromDay = versionFromDay;
        this.versionNumber = versionNumber;
    }

    static PurposeRules of(Catalog catalog) {
        var intervals = new HashMap<PurposeCode, List<InForce>>();
        List<CatalogVersion> versions = catalog.versions();
        for (int i = 0; i < versions.size(); i++) {
            CatalogVersion v = versions.get(i);
            int from = (int) v.effectiveFrom().toEpochDay();
            int to = i + 1 < versions.size()
                    ? (int) versions.get(i + 1).effectiveFrom().toEpochDay()
                    : Integer.MAX_VALUE;
            for (Purpose p : v.purposes()) {
                int end = p.retiredOn()
                        .map(r -> (int) Math.min(r.toEpochDay(), to))
                        .orElse(to);
                if (end > from) {
                    int published =
                            (int) catalog.firstPublished(p.code()).orElseThrow().toEpochDay();
                    intervals
                            .computeIfAbsent(p.code(), k -> new ArrayList<>())
                            .add(new InForce(p, v.version(), from, end, published));
                }
            }
        }
        var byCode = new HashMap<PurposeCode, InForce[]>();
        intervals.forEach((code, list) -> byCode.put(code, list.toArray(InForce[]::new)));
        return new PurposeRules(
                byCode,
                versions.stream()
                        .mapToInt(v -> (int) v.effectiveFrom().toEpochDay())
                        .toArray(),
                versions.stream().mapToInt(CatalogVersion::version).toArray());
    }

    /** The purpose as in force on the day, or null. */
    InForce at(PurposeCode code, int day) {
        InForce[] list = byCode.get(code);
        if (list != null) {
            for (InForce f : list) {
                if (day >= f.fromDay() && day < f.toDay()) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The catalog version in force on the day, or 0 before the first. */
    int versionOn(int day) {
        int found = 0;
        for (int i = 0; i < versionFromDay.length && versionFromDay[i] <= day; i++) {
            found = versionNumber[i];
        }
        return found;
    }

    int latestVersion() {
        return versionNumber.length == 0 ? 0 : versionNumber[versionNumber.length - 1];
    }
}
