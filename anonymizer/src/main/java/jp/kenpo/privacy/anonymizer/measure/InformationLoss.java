package jp.kenpo.privacy.anonymizer.measure;

/**
 * How much the release lost, by every {@link Metric}: loss, precision loss and non-uniform
 * entropy as shares from 0 (nothing lost) to 1 (everything suppressed), discernibility as a
 * share of its maximum n², and the average class size in records.
 */
public record InformationLoss(
        double loss, double precisionLoss, double nonUniformEntropy, double discernibility, double averageClassSize) {

    public double of(Metric metric) {
        return switch (metric) {
            case LOSS -> loss;
            case PRECISION -> precisionLoss;
            case NON_UNIFORM_ENTROPY -> nonUniformEntropy;
            case DISCERNIBILITY -> discernibility;
            case AVERAGE_CLASS_SIZE -> averageClassSize;
        };
    }
}
