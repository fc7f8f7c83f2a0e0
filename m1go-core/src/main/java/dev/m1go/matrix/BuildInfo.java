package dev.m1go.matrix;

import dev.m1go.binary.BinaryFacts;
import dev.m1go.classify.Outcome;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
 * @param binaryFacts what the built binary is, read from its own bytes (machine, type, interpreter, needed libraries,
 *                   Go build information), or {@code null} when nothing was built
 * @param cached     the binary (or the build failure) and its logs were taken from the build cache in
 *                   {@code m1go.cacheDirectory}: no build process ran for it in this run; {@code null} in a report
 *                   written before m1go had a build cache
 * @param cacheKey   the build's key in that cache (SHA-256 of every input of the build), or {@code null}
 */
public record BuildInfo(
        Outcome outcome,
        String cc,
        String ccFamily,
        String libraryArch,
        boolean translated,
        boolean staticLink,
        long durationMillis,
        String binary,
        String stdoutLog,
        String stderrLog,
        String retried,
        BinaryFacts binaryFacts,
        Boolean cached,
        String cacheKey) {
    public BuildInfo {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A build that ran once. */
    public BuildInfo(
            Outcome outcome,
            String cc,
            String ccFamily,
            String libraryArch,
            boolean translated,
            boolean staticLink,
            long durationMillis,
            String binary,
            String stdoutLog,
            String stderrLog) {
        this(
                outcome,
                cc,
                ccFamily,
                libraryArch,
                translated,
                staticLink,
                durationMillis,
                binary,
                stdoutLog,
                stderrLog,
                null,
                null);
    }

    /** A build without binary facts. */
    public BuildInfo(
            Outcome outcome,
            String cc,
            String ccFamily,
            String libraryArch,
            boolean translated,
            boolean staticLink,
            long durationMillis,
            String binary,
            String stdoutLog,
            String stderrLog,
            String retried) {
        this(
                outcome,
                cc,
                ccFamily,
                libraryArch,
                translated,
                staticLink,
                durationMillis,
                binary,
                stdoutLog,
                stderrLog,
                retried,
                null);
    }

    /** A build that ran (or stalled once and ran again), before the build cache is asked. */
    public BuildInfo(
            Outcome outcome,
            String cc,
            String ccFamily,
            String libraryArch,
            boolean translated,
            boolean staticLink,
            long durationMillis,
            String binary,
            String stdoutLog,
            String stderrLog,
            String retried,
            BinaryFacts binaryFacts) {
        this(
                outcome,
                cc,
                ccFamily,
                libraryArch,
                translated,
                staticLink,
                durationMillis,
                binary,
                stdoutLog,
                stderrLog,
                retried,
                binaryFacts,
                false,
                null);
    }

    /** This build as the build cache knows it: taken from it ({@code cached}) or not, under {@code key}. */
    public BuildInfo withCache(boolean fromCache, String key) {
        return new BuildInfo(
                outcome,
                cc,
                ccFamily,
                libraryArch,
                translated,
                staticLink,
                durationMillis,
                binary,
                stdoutLog,
                stderrLog,
                retried,
                binaryFacts,
                fromCache,
                key);
    }

    /** This build with other binary facts ({@code null}: none). */
    public BuildInfo withBinaryFacts(BinaryFacts facts) {
        return new BuildInfo(
                outcome,
                cc,
                ccFamily,
                libraryArch,
                translated,
                staticLink,
                durationMillis,
                binary,
                stdoutLog,
                stderrLog,
                retried,
                facts,
                cached,
                cacheKey);
    }

    /**
     * This build with its paths mapped by {@code paths} (a merged report points at each input's files; a build cache
     * entry keeps bare file names).
     */
    public BuildInfo relocated(UnaryOperator<String> paths) {
        return new BuildInfo(
                outcome,
                cc,
                ccFamily,
                libraryArch,
                translated,
                staticLink,
                durationMillis,
                mapped(paths, binary),
                mapped(paths, stdoutLog),
                mapped(paths, stderrLog),
                retried,
                binaryFacts,
                cached,
                cacheKey);
    }

    static String mapped(UnaryOperator<String> paths, String path) {
        return path == null ? null : paths.apply(path);
    }
}
