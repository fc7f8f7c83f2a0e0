package dev.m1go.stats;

import java.util.Locale;

/**
 * k failed runs of n, with the 95 % Wilson score interval [low, high] of the true failure probability (see
 * {@link Statistics#wilson}).
 */
public record FailureRate(int k, int n, double low, double high) {

    public FailureRate {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("a failure rate needs 0 <= k <= n and n >= 1, got " + k + "/" + n);
        }
    }

    /** The observed proportion k/n. */
    public double rate() {
        return (double) k / n;
    }

    /** {@code 7/200 [1.7 %–7.1 %]}. */
    public String describe() {
        return k + "/" + n + " [" + percent(low) + "–" + percent(high) + "]";
    }

    /** {@code 7/200}: how the Maven log and the tables have always shown a rate. */
    @Override
    public String toString() {
        return k + "/" + n;
    }

    /** {@code 1.7 %}, {@code 0 %}, {@code 0.02 %}: one decimal, two when the value is below 0.1 % but not zero. */
    public static String percent(double p) {
        double v = p * 100;
        if (v == 0) {
            return "0 %";
        }
        if (v >= 99.95 && v < 100) {
            return "99.9 %";
        }
        String s = v < 0.1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.1f", v);
        return s + " %";
    }
}
