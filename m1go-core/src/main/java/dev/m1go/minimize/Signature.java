package dev.m1go.minimize;

import dev.m1go.classify.Outcome;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import dev.m1go.stats.FailureRate;
import dev.m1go.stats.Statistics;
import java.util.List;
import java.util.Objects;

/**
 * The failure a reduction keeps: the outcome, its signal and its site (the fault arrived in C code or in Go), as the
 * failing cell first showed them; the frames are kept for the record only (a reduction may remove a caller).
 */
record Signature(Outcome outcome, String signal, boolean inC, List<String> frames) {

    Signature {
        Objects.requireNonNull(outcome, "outcome");
        frames = List.copyOf(frames == null ? List.of() : frames);
    }

    /** The failure of a cell's deciding run (its first failing one). */
    static Signature of(CellResult c) {
        Outcome o = c.outcome();
        String signal = c.signal();
        if (o == Outcome.PASS) {
            RunResult failing = c.runs().stream().filter(r -> r.outcome() != Outcome.PASS).findFirst().orElse(null);
            if (failing != null) {
                o = failing.outcome();
                signal = failing.signal();
            }
        }
        return new Signature(o, signal, c.diagnosis().inCgo(), c.diagnosis().frames());
    }

    /** {@code CGO_SIGNAL SIGSEGV in C}. */
    String describe() {
        return outcome + (signal == null ? "" : " " + signal) + (outcome.isPass() ? "" : inC ? " in C" : " in Go");
    }

    /** How many of the cell's runs failed this way (none when the cell's fault site differs). */
    int matching(CellResult c) {
        if (c.outcome().isBuildFailure() || c.outcome() == Outcome.SKIPPED) {
            return 0;
        }
        int k;
        if (!c.outcomeCounts().isEmpty()) {
            k = c.outcomeCounts().getOrDefault(outcome.name() + (signal == null ? "" : " " + signal), 0);
        } else {
            k = (int) c.runs().stream().filter(r -> r.outcome() == outcome && Objects.equals(r.signal(), signal))
                    .count();
        }
        // The site comes from the cell's deciding run (its first failing one); when that run failed another way it
        // says nothing about the runs that failed this way.
        String deciding = c.diagnosis().signature();
        boolean decidedByThis = deciding == null || deciding.startsWith(outcome.name());
        return k > 0 && decidedByThis && c.diagnosis().inCgo() != inC ? 0 : k;
    }

    /**
     * Whether a candidate's cell still fails this way: every run for a failure that never passed, else (an
     * intermittent one) every other run passed and the lower bound of the 95 % Wilson interval of the share of
     * matching runs lies above {@code threshold}.
     */
    boolean keptBy(CellResult c, boolean intermittent, double threshold) {
        int n = c.runCount();
        int k = matching(c);
        if (n == 0 || k == 0) {
            return false;
        }
        if (!intermittent) {
            return k == n;
        }
        if (c.failures() != k) {
            return false; // some runs failed another way: not the same intermittent failure
        }
        FailureRate rate = Statistics.wilson(k, n);
        return rate.low() > threshold;
    }

    /** Whether a native reference cell still passes: built, and every run passed. */
    static boolean passes(CellResult c) {
        return c.outcome() == Outcome.PASS && c.failures() == 0 && c.runCount() > 0;
    }
}
