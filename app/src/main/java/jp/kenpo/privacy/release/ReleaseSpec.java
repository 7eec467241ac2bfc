package jp.kenpo.privacy.release;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one anonymized release (匿名加工情報) is to be: for whom, which months, how delivered, which
 * columns (each mapped to a published item of 9.1), the thresholds of the processing and the
 * pseudonym policy. Read from YAML by {@link ReleaseSpecReader}; {@code sha256} is the spec file's.
 *
 * @param period empty for a continuing release: the month after the last release to the recipient
 */
public record ReleaseSpec(
        String file,
        String sha256,
        String recipient,
        int recipientLine,
        Optional<Period> period,
        int periodLine,
        String method,
        int methodLine,
        PseudonymPolicy pseudonyms,
        Thresholds thresholds,
        Map<ReleaseTable, List<SpecColumn>> tables) {

    public ReleaseSpec {
        tables = Map.copyOf(tables);
    }

    /** Service months from {@code from} to {@code to}, both included. */
    public record Period(YearMonth from, YearMonth to) {

        @Override
        public String toString() {
            return from.equals(to) ? from.toString() : from + " to " + to;
        }
    }

    /** A column the spec releases, the published item it names and the line it is on. */
    public record SpecColumn(ReleaseTable.Column column, String item, int line) {}

    /**
     * The processing thresholds (PPC Rules Art. 34(4), (5)).
     *
     * @param k              k-anonymity of the person table's quasi-identifiers
     * @param suppression    share of persons that may be suppressed instead of generalising all
     * @param diagnosesK     (k,m)-anonymity of the diagnosis sets: k
     * @param diagnosesM     and m, the number of diagnoses an attacker is assumed to know
     * @param rareCodes      a code held by fewer persons is generalised or removed
     * @param ageTop         persons older than this at the cut-off are shown in one band
     * @param pointsPercentile receipt and line points above this percentile are top-coded
     * @param valuesPercentile checkup values above this percentile (per item) are top-coded
     */
    public record Thresholds(
            int k,
            double suppression,
            int diagnosesK,
            int diagnosesM,
            int rareCodes,
            int ageTop,
            double pointsPercentile,
            double valuesPercentile) {}

    public boolean releases(ReleaseTable table) {
        return tables.containsKey(table);
    }

    public boolean releases(ReleaseTable table, String column) {
        return tables.getOrDefault(table, List.of()).stream()
                .anyMatch(c -> c.column().name().equals(column));
    }
}
