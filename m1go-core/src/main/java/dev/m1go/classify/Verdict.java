package dev.m1go.classify;

/** An outcome compared with what the case expects. */
public enum Verdict {
    EXPECTED,
    UNEXPECTED,
    FLAKY,
    SKIPPED
}
