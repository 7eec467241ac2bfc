package jp.kenpo.privacy.anonymizer.search;

import jp.kenpo.privacy.anonymizer.measure.InformationLoss;

/**
 * The rows of the table sorted into the equivalence classes of one transformation, with the
 * classes that fail a model marked suppressed.
 */
public final class Classification {

    private final int[] rowClass;
    private final int[] classSize;
    private final boolean[] suppressed;
    private final InformationLoss loss;

    Classification(int[] rowClass, int[] classSize, boolean[] suppressed, InformationLoss loss) {
        this.rowClass = rowClass;
        this.classSize = classSize;
        this.suppressed = suppressed;
        this.loss = loss;
    }

    public boolean isSuppressed(int row) {
        return suppressed[rowClass[row]];
    }

    public long suppressedRecords() {
        long records = 0;
        for (int c = 0; c < classSize.length; c++) {
            if (suppressed[c]) {
                records += classSize[c];
            }
        }
        return records;
    }

    /** Sizes of the classes that are released. */
    public long[] releasedClassSizes() {
        int released = 0;
        for (boolean s : suppressed) {
            if (!s) {
                released++;
            }
        }
        long[] sizes = new long[released];
        int i = 0;
        for (int c = 0; c < classSize.length; c++) {
            if (!suppressed[c]) {
                sizes[i++] = classSize[c];
            }
        }
        return sizes;
    }

    public InformationLoss informationLoss() {
        return loss;
    }
}
