package jp.kenpo.privacy.anonymizer;

/**
 * The generalization levels the search may use for one quasi-identifier. A minimum above 0
 * forces a coarsening however small the loss, e.g. to make top- and bottom-coding of extreme
 * values certain (PPC rules Art. 34 (4)); a maximum keeps a column useful.
 */
public record LevelRange(int min, int max) {

    public LevelRange {
        if (min < 0 || max < min) {
            throw new AnonymizationException(
                    "generalization levels " + min + ".." + max + " are not a range from 0 up");
        }
    }
}
