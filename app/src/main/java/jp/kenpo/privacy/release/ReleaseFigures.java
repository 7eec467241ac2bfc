package jp.kenpo.privacy.release;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a build did, in numbers: the population and who was left out (by reason, never who), the
 * rows of each table, what Rule 34(4) generalised, top-coded and removed, and the measured risk
 * and information loss of Rule 34(5).
 */
public record ReleaseFigures(
        Map<String, Long> population,
        Map<String, Long> rows,
        Map<String, Long> processing,
        Risk risk,
        Map<String, Integer> levels) {

    public ReleaseFigures {
        population = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(population));
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        processing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(processing));
        levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /**
     * The four risks, the records at risk and the smallest class are of the persons {@code scope}
     * names: this release's released persons, or with STABLE pseudonyms everyone the recipient
     * holds once it has this release (PPC Rules Art. 34(5)). The loss and the share are this
     * release's.
     *
     * @param prosecutorHighest  1 / smallest class: the attacker knows the person is in the release
     * @param prosecutorAverage  classes / records
     * @param journalistHighest  1 / smallest matching class among all members eligible at the cut-off
     *                           (and, with STABLE, those the recipient holds a row of, with that row)
     * @param journalistAverage  the average of that over the records
     * @param recordsAtRisk      records whose prosecutor risk is above 1/k
     * @param smallestClass      the smallest class of persons
     * @param informationLoss    the anonymizer's loss (0 nothing lost, 1 everything suppressed)
     * @param releasedShare      persons released without suppression, as a share of those in scope
     * @param scope              which persons the risks cover, and how many
     */
    public record Risk(
            double prosecutorHighest,
            double prosecutorAverage,
            double journalistHighest,
            double journalistAverage,
            long recordsAtRisk,
            long smallestClass,
            double informationLoss,
            double releasedShare,
            String scope) {}
}
