package jp.kenpo.privacy.formats.synthetic;

import java.util.random.RandomGenerator;

/** The few random distributions the generator needs, over any {@link RandomGenerator}. */
final class Draw {

    private Draw() {}

    /** Poisson by inversion; fine for the small means used here. */
    static int poisson(RandomGenerator r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double l = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        double cdf = l;
        double term = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }

    /** Gamma(shape, 1), Marsaglia–Tsang. */
    static double gamma(RandomGenerator r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double normal(RandomGenerator r, double mean, double sd) {
        return mean + sd * r.nextGaussian();
    }

    static double logNormal(RandomGenerator r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    static boolean chance(RandomGenerator r, double p) {
        return r.nextDouble() < p;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Index into a cumulative weight table (last entry = total). */
    static int pick(RandomGenerator r, double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double t = 0;
        for (int i = 0; i < weights.length; i++) {
            t += weights[i];
            c[i] = t;
        }
        return c;
    }

    /** Cumulative Zipf weights 1/k^s for k = 1..n. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 1 / Math.pow(k + 1, s);
        }
        return cumulative(w);
    }
}
