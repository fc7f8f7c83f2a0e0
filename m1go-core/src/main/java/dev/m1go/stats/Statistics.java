package dev.m1go.stats;

/**
 * The two statistics behind every failure rate m1go reports.
 *
 * <ul>
 *   <li>The <b>Wilson score interval</b> (Wilson 1927) for a proportion of k failures in n runs: with
 *   p̂ = k/n and z the normal quantile, the bounds are
 *   (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Unlike the textbook p̂ ± z·√(p̂(1−p̂)/n) it stays inside
 *   [0, 1] and gives a useful upper bound when no run failed (0/200 → [0 %, 1.9 %]).</li>
 *   <li><b>Fisher's exact test</b>, two-sided, for the 2×2 table of failed/passed runs of two cells: the p-value is
 *   the sum of the hypergeometric probabilities of every table with the same margins that is no more probable than
 *   the observed one (the rule R's {@code fisher.test} uses, with the same relative tolerance of 10⁻⁷ for ties).</li>
 * </ul>
 */
public final class Statistics {

    /** The two-sided 95 % normal quantile, Φ⁻¹(0.975). */
    public static final double Z95 = 1.959963984540054;

    private static final double TIE_TOLERANCE = 1 + 1e-7;

    private Statistics() {}

    /** k failures of n runs with their 95 % Wilson score interval. */
    public static FailureRate wilson(int k, int n) {
        return wilson(k, n, Z95);
    }

    /** k failures of n runs with the Wilson score interval for the normal quantile {@code z}. */
    public static FailureRate wilson(int k, int n, double z) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("a failure rate needs 0 <= k <= n and n >= 1, got " + k + "/" + n);
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double low = k == 0 ? 0 : Math.max(0, centre - half);
        double high = k == n ? 1 : Math.min(1, centre + half);
        return new FailureRate(k, n, low, high);
    }

    /**
     * Two-sided Fisher exact test of k1 failures in n1 runs against k2 failures in n2 runs.
     *
     * @return the p-value, in [0, 1]
     */
    public static double fisherTwoSided(int k1, int n1, int k2, int n2) {
        if (n1 < 0 || n2 < 0 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) {
            throw new IllegalArgumentException(
                    "Fisher's test needs 0 <= k <= n in both groups, got " + k1 + "/" + n1 + " and " + k2 + "/" + n2);
        }
        int failures = k1 + k2;
        int total = n1 + n2;
        int min = Math.max(0, failures - n2);
        int max = Math.min(failures, n1);
        if (min == max) {
            return 1.0;
        }
        double observed = logHypergeometric(k1, n1, n2, failures);
        double[] logs = new double[max - min + 1];
        double top = Double.NEGATIVE_INFINITY;
        for (int x = min; x <= max; x++) {
            logs[x - min] = logHypergeometric(x, n1, n2, failures);
            top = Math.max(top, logs[x - min]);
        }
        double all = 0;
        double asExtreme = 0;
        double threshold = Math.exp(observed - top) * TIE_TOLERANCE;
        for (double l : logs) {
            double d = Math.exp(l - top);
            all += d;
            if (d <= threshold) {
                asExtreme += d;
            }
        }
        assert total >= failures;
        return Math.min(1.0, asExtreme / all);
    }

    /** log P(X = x) for X hypergeometric: x failures among the n1 runs of the first group, m failures in all. */
    private static double logHypergeometric(int x, int n1, int n2, int m) {
        return logChoose(n1, x) + logChoose(n2, m - x) - logChoose(n1 + n2, m);
    }

    private static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static final double[] SMALL_LOG_FACTORIALS = new double[1025];

    static {
        for (int i = 2; i < SMALL_LOG_FACTORIALS.length; i++) {
            SMALL_LOG_FACTORIALS[i] = SMALL_LOG_FACTORIALS[i - 1] + Math.log(i);
        }
    }

    /** ln n!: a table up to 1024, Stirling's series above (relative error below 1e-15 there). */
    static double logFactorial(int n) {
        if (n < SMALL_LOG_FACTORIALS.length) {
            return SMALL_LOG_FACTORIALS[n];
        }
        double x = n + 1.0;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return (x - 0.5) * Math.log(x)
                - x
                + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }

    /** {@code 0.015}, {@code 0.42}, {@code < 0.001}: a p-value as reports print it. */
    public static String formatP(double p) {
        if (p < 0.001) {
            return "< 0.001";
        }
        if (p < 0.01) {
            return String.format(java.util.Locale.ROOT, "%.4f", p);
        }
        return String.format(java.util.Locale.ROOT, "%.3f", p);
    }
}
