package dev.m1go.classify;

/**
 * The classified result of a build or a run. The names are a public contract: they appear verbatim in
 * report.json, report.md, TEST-m1go.xml and the output of {@code m1go:classify}.
 *
 * <p>When several kinds of evidence appear, the most specific wins; {@link #precedence()} gives the rank
 * (lower wins) for the outcomes that evidence can produce.
 */
public enum Outcome {
    PASS,
    BUILD_ERROR,
    LINK_ARCH_MISMATCH,
    LINK_ERROR,
    EXEC_REFUSED,
    CGO_SIGNAL,
    GO_SIGNAL,
    CGO_CHECK,
    GO_PANIC,
    GO_FATAL,
    EMULATOR_FAULT,
    KILLED,
    TIMEOUT,
    EXIT_NONZERO,
    SKIPPED;

    private static final java.util.List<Outcome> PRECEDENCE = java.util.List.of(
            EMULATOR_FAULT,
            EXEC_REFUSED,
            LINK_ARCH_MISMATCH,
            LINK_ERROR,
            BUILD_ERROR,
            CGO_CHECK,
            CGO_SIGNAL,
            GO_SIGNAL,
            GO_FATAL,
            GO_PANIC,
            KILLED,
            EXIT_NONZERO);

    /** Rank among competing evidence: lower is more specific. Outcomes outside the evidence order rank last. */
    public int precedence() {
        int i = PRECEDENCE.indexOf(this);
        return i < 0 ? PRECEDENCE.size() : i;
    }

    /** True for outcomes that mean the program did what the case wanted. */
    public boolean isPass() {
        return this == PASS;
    }

    /** True for outcomes decided at build time: no binary exists. */
    public boolean isBuildFailure() {
        return this == BUILD_ERROR || this == LINK_ARCH_MISMATCH || this == LINK_ERROR;
    }
}
