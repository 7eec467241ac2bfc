package jp.kenpo.privacy.anonymizer.measure;

import java.util.Locale;

/** The information loss the search minimizes. Every result reports all of them. */
public enum Metric {
    /**
     * Loss metric (Iyengar): per record and quasi-identifier, the share of the column's values
     * that its generalized value could stand for; a suppressed value counts 1. 0 = nothing lost.
     */
    LOSS,
    /** Precision loss (Sweeney): the generalization level as a share of the hierarchy's height. */
    PRECISION,
    /**
     * Non-uniform entropy (Gionis and Tassa): the information, in bits, needed to recover the
     * original value from its generalization, as a share of what suppressing everything loses.
     */
    NON_UNIFORM_ENTROPY,
    /**
     * Discernibility (Bayardo and Agrawal): each record is charged the size of its class, a
     * suppressed record the size of the table; shown as a share of its maximum, n².
     */
    DISCERNIBILITY,
    /** Average equivalence class size; suppressed records count as one class. */
    AVERAGE_CLASS_SIZE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the loss only grows with generalization: true for every metric once nothing is suppressed. */
    public boolean monotone(double suppressionLimit) {
        return suppressionLimit == 0;
    }

    public static Metric fromConfigName(String name) {
        for (Metric metric : values()) {
            if (metric.configName().equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "' (expected loss, precision, "
                + "non-uniform-entropy, discernibility or average-class-size)");
    }
}
