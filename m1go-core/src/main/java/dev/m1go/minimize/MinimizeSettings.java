package dev.m1go.minimize;

import dev.m1go.reproduce.ReproduceSettings;
import java.util.Objects;

/**
 * What {@code m1go:minimize} is asked to do.
 *
 * @param reproduce        the engine's settings: toolchains ({@code m1go.goVersions}), target and runner of the
 *                         failing cell, time limits, threads, cache and output directories, the cases directory
 * @param caseId           the case to reduce (an id of the catalog or of {@code m1go.casesDirectory}), or
 *                         {@code null} in module mode
 * @param module           module mode: the package, test or main package to reduce, or {@code null}
 * @param seconds          the time budget ({@code m1go.minimize.seconds})
 * @param builds           the build budget ({@code m1go.minimize.builds})
 * @param runs             runs of the first measurement ({@code m1go.minimize.runs}); an intermittent failure runs
 *                         each candidate this many times and more as the case shrinks
 * @param thresholdPercent an intermittent failure is kept while the lower bound of the 95 % Wilson interval of its
 *                         failure rate lies above this many percent ({@code m1go.minimize.threshold})
 */
public record MinimizeSettings(
        ReproduceSettings reproduce,
        String caseId,
        ModuleTarget module,
        int seconds,
        int builds,
        int runs,
        int thresholdPercent) {

    /** {@code m1go.minimize.seconds} when not given: 30 minutes. */
    public static final int DEFAULT_SECONDS = 1800;
    /** {@code m1go.minimize.builds} when not given. */
    public static final int DEFAULT_BUILDS = 600;
    /** {@code m1go.minimize.runs} when not given. */
    public static final int DEFAULT_RUNS = 10;
    /** {@code m1go.minimize.threshold} when not given, in percent. */
    public static final int DEFAULT_THRESHOLD_PERCENT = 10;

    /**
     * Module mode's failing cell: a test of a package ({@code test} set) or a main package run with arguments.
     *
     * @param module the module's directory (holding go.mod)
     * @param pkg    the package, as {@code go list} takes it ({@code ./store})
     * @param test   the failing test's name ({@code TestX}), or {@code null} for a main package
     */
    public record ModuleTarget(
            java.nio.file.Path module,
            String pkg,
            String test,
            java.util.List<String> args,
            java.util.List<String> goflags) {
        public ModuleTarget {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(pkg, "pkg");
            args = java.util.List.copyOf(args == null ? java.util.List.of() : args);
            goflags = java.util.List.copyOf(goflags == null ? java.util.List.of() : goflags);
        }
    }

    public MinimizeSettings {
        Objects.requireNonNull(reproduce, "reproduce");
    }
}
