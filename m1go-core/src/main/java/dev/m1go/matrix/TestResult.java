package dev.m1go.matrix;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import java.util.Objects;

/**
 * One Go test inside a module-mode test cell, as {@code go tool test2json} reported it.
 *
 * @param name     {@code TestForcedPaths/avx_x1}
 * @param action   test2json's last word on it: {@code pass}, {@code fail}, {@code skip}, or {@code run} when the
 *                 binary died while it ran
 * @param outcome  {@code PASS}; {@code SKIPPED}; {@code EXIT_NONZERO} for a test that failed; for the test that was
 *                 running when the binary crashed or timed out, the cell's outcome ({@code CGO_SIGNAL}, …)
 * @param elapsedSeconds as test2json reported it, or 0
 * @param expected the expectation that applied ({@code PASS} unless {@code m1go.yaml} says otherwise)
 * @param verdict  outcome compared with it
 * @param output   the test's own output lines (the first 2,000 and the last 4,000 characters, with a marker saying
 *                 how many were left out between them)
 */
public record TestResult(
        String name,
        String action,
        Outcome outcome,
        double elapsedSeconds,
        String expected,
        Verdict verdict,
        String output) {

    public TestResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Whether this test did not pass (skips are not failures). */
    public boolean failed() {
        return outcome != Outcome.PASS && outcome != Outcome.SKIPPED;
    }
}
