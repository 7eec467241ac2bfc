package jp.kenpo.privacy.anonymizer.model;

import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * t-closeness: in every class the distribution of the sensitive values is within t of their
 * distribution in the whole table, measured by the Earth Mover's Distance with an equal ground
 * distance (any two values are 1 apart) or a hierarchical one (values are as far apart as the
 * level of their lowest common ancestor in the column's hierarchy; values under different top
 * labels are the farthest apart, 1).
 */
public record TCloseness(String column, double t, Distance distance) implements SensitiveModel {

    /** The ground distance between two sensitive values. */
    public enum Distance {
        EQUAL,
        HIERARCHICAL
    }

    public TCloseness {
        if (!(t >= 0 && t <= 1)) {
            throw new AnonymizationException("t-closeness on '" + column + "': t = " + t + " is not between 0 and 1");
        }
        if (distance == null) {
            throw new AnonymizationException("t-closeness on '" + column + "': no distance given");
        }
    }

    @Override
    public boolean holds(ClassDistribution distribution) {
        double emd = distance == Distance.EQUAL ? distribution.equalDistance() : distribution.hierarchicalDistance();
        return emd <= t + 1e-12;
    }

    @Override
    public boolean monotoneWithSuppression() {
        return false;
    }

    @Override
    public boolean needsHierarchy() {
        return distance == Distance.HIERARCHICAL;
    }

    @Override
    public String describe() {
        return ClassDistribution.format(t) + "-closeness (" + distance.name().toLowerCase(java.util.Locale.ROOT)
                + " distance) on '" + column + "'";
    }
}
