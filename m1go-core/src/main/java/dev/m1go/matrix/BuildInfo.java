package dev.m1go.matrix;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.m1go.classify.Outcome;
import java.util.Objects;

/**
 * How a cell's binary was built (shared by every runner of the same build).
 *
 * @param outcome    {@code PASS} when a binary came out, else the build failure's outcome
 * @param cc         the C compiler command used for the target
 * @param ccFamily   {@code gcc} or {@code clang}
 * @param libraryArch the architecture the case's static library was built for, when it has one
 * @param translated the toolchain itself ran under translation (binfmt, Rosetta)
 * @param staticLink the binary is statically linked, as its header says (no ELF interpreter); for a build that
 *                   failed, whether a static link was asked for
 * @param binary     path of the binary, relative to the report directory, or {@code null}
 * @param stdoutLog  full output of the build step that decided the outcome, relative to the report directory
 * @param stderrLog  full error output of that step
 * @param retried    why {@code go build} ran a second time (a toolchain under translation that stalled until the build
 *                   time limit), or {@code null}; the first attempt's logs stay next to the second's
 * @param cached     the binary (or the build failure) and its logs were taken from the build cache in
 *                   {@code m1go.cacheDirectory}: no build process ran for it in this run
 * @param cacheKey   the build's key in that cache (SHA-256 of every input of the build), or {@code null} when the
 *                   build is not cacheable
 */
public record BuildInfo(Outcome outcome, String cc, String ccFamily, String libraryArch, boolean translated,
                        boolean staticLink, long durationMillis, String binary, String stdoutLog, String stderrLog,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String retried, boolean cached,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String cacheKey) {
    public BuildInfo {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A build that ran once. */
    public BuildInfo(Outcome outcome, String cc, String ccFamily, String libraryArch, boolean translated,
                     boolean staticLink, long durationMillis, String binary, String stdoutLog, String stderrLog) {
        this(outcome, cc, ccFamily, libraryArch, translated, staticLink, durationMillis, binary, stdoutLog, stderrLog,
                null);
    }

    /** A build that ran (or stalled once and ran again), before the build cache is asked. */
    public BuildInfo(Outcome outcome, String cc, String ccFamily, String libraryArch, boolean translated,
                     boolean staticLink, long durationMillis, String binary, String stdoutLog, String stderrLog,
                     String retried) {
        this(outcome, cc, ccFamily, libraryArch, translated, staticLink, durationMillis, binary, stdoutLog, stderrLog,
                retried, false, null);
    }

    /** This build with its paths (binary, logs) mapped, as a merged report or a cache entry needs them. */
    public BuildInfo withPaths(java.util.function.UnaryOperator<String> paths) {
        return new BuildInfo(outcome, cc, ccFamily, libraryArch, translated, staticLink, durationMillis,
                binary == null ? null : paths.apply(binary), stdoutLog == null ? null : paths.apply(stdoutLog),
                stderrLog == null ? null : paths.apply(stderrLog), retried, cached, cacheKey);
    }
}
