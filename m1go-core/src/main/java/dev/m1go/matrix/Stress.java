package dev.m1go.matrix;

import java.time.Duration;
import java.util.Objects;

/**
 * Stress mode: every cell runs {@code runs} times and/or for {@code duration} (whichever ends first when both are
 * given), stopping at the first failing run with {@code stopOnFailure}. Every run is classified and counted; the
 * report keeps the first run and the failing ones ({@link #KEPT_FAILURES} at most) with their logs.
 *
 * @param runs          runs per cell, 0 when only {@code duration} limits them
 * @param duration      time per cell, {@link Duration#ZERO} when only {@code runs} limits them
 * @param stopOnFailure end a cell's runs at its first failure
 */
public record Stress(int runs, Duration duration, boolean stopOnFailure) {

    /** No stress mode: one run per cell (plus {@code m1go.reruns}). */
    public static final Stress NONE = new Stress(0, Duration.ZERO, false);
    /** Failing runs whose results and logs a stressed cell keeps besides its first run. */
    public static final int KEPT_FAILURES = 20;

    public Stress {
        Objects.requireNonNull(duration, "duration");
        if (runs < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("stress runs and duration must not be negative");
        }
    }

    public boolean active() {
        return runs > 0 || !duration.isZero();
    }

    /** Whether run number {@code next} (1-based) should start, {@code elapsedNanos} after the cell's first run began. */
    boolean another(int next, long elapsedNanos) {
        if (next == 1) {
            return true;
        }
        boolean byCount = runs > 0 && next > runs;
        boolean byTime = !duration.isZero() && elapsedNanos >= duration.toNanos();
        return !byCount && !byTime;
    }
}
