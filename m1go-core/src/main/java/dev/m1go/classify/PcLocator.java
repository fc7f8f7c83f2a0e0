package dev.m1go.classify;

import java.util.List;

/**
 * Tells whether a faulting PC lies in C or in Go code, by symbolizing it against the binary that crashed. The
 * classifier asks only when a crash report's text leaves it open (an older runtime's report without the cgo marker
 * from a goroutine inside a cgo call).
 */
@FunctionalInterface
public interface PcLocator {

    /** Knows nothing: every answer is "cannot tell". */
    PcLocator NONE = (pc, frames) -> null;

    /**
     * @param pc     the faulting PC as the report prints it ({@code 0x43a8ba})
     * @param frames Go frames of the same report with their PCs, to find the load base of a position-independent
     *               binary
     * @return {@code TRUE} for C code, {@code FALSE} for Go or runtime code, {@code null} when it cannot be told
     */
    Boolean inC(String pc, List<GoFramePc> frames);
}
