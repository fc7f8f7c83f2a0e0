package dev.m1go.cases;

import dev.m1go.toolchain.GoVersion;
import dev.m1go.toolchain.GoVersionRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One reproducer: its sources (every file of its directory), how to build and run it, and what it should do.
 *
 * @param id          the directory name: {@code c-abort}
 * @param description one sentence for reports
 * @param origin      where it was loaded from ({@code bundled} or the user's directory)
 * @param files       relative path → content, every file of the case directory
 * @param library     the static C library to build first, if any
 * @param buildEnv    extra build environment ({@code CGO_CFLAGS}, …)
 * @param runArgs     arguments for the binary
 * @param runEnv      extra run environment
 * @param marker      the line the program prints as its last act when it did what it should
 * @param markerOnStderr the marker is looked for on stderr instead of stdout ({@code marker.stream: stderr})
 * @param timeout     this case's run time limit, overriding {@code m1go.timeoutSeconds}, if set
 * @param variants    the default variant first, then the case's own
 * @param expectation what each cell should do
 * @param reference   public reports this case mirrors (for example {@code golang/go#42700})
 * @param goVersions  the toolchains this case is planned for ({@code null}: every toolchain); cells of the others are
 *                    SKIPPED with the reason, so that a heavy case can stay off most of the matrix
 * @param unit        in module mode, the package of the user's module this "case" stands for; {@code null} for a case
 *                    of the catalog or a cases directory
 */
public record ReproCase(
        String id,
        String description,
        String origin,
        Map<String, byte[]> files,
        Library library,
        Map<String, String> buildEnv,
        List<String> runArgs,
        Map<String, String> runEnv,
        String marker,
        boolean markerOnStderr,
        Duration timeout,
        List<Variant> variants,
        Expectation expectation,
        List<String> reference,
        GoVersionRange goVersions,
        ModuleUnit unit) {

    public ReproCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(origin, "origin");
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        buildEnv = java.util.Collections.unmodifiableMap(new TreeMap<>(buildEnv));
        runArgs = List.copyOf(runArgs);
        runEnv = java.util.Collections.unmodifiableMap(new TreeMap<>(runEnv));
        Objects.requireNonNull(marker, "marker");
        variants = List.copyOf(variants);
        Objects.requireNonNull(expectation, "expectation");
        reference = List.copyOf(reference);
    }

    /**
     * A package of the user's module as a case: no files of its own (it builds in m1go's copy of the module), no
     * marker (exit 0 passes), the default variant only, the run environment of {@code m1go.runEnv}.
     *
     * @param id the name reports use: the package directory ({@code cmd/server}), {@code .test} appended for a test
     *           binary
     */
    public static ReproCase ofModule(String id, ModuleUnit unit, Expectation expectation) {
        String what = unit.test() ? "the tests of package " + unit.pkg() : "main package " + unit.pkg();
        return new ReproCase(
                id,
                what + " of module " + unit.modulePath(),
                "module " + unit.modulePath(),
                Map.of(),
                null,
                Map.of(),
                List.of(),
                unit.run().runEnv(),
                CaseLoader.DEFAULT_MARKER,
                false,
                null,
                List.of(Variant.defaultVariant()),
                expectation,
                List.of(),
                null,
                unit);
    }

    public Optional<ModuleUnit> unitOpt() {
        return Optional.ofNullable(unit);
    }

    /** Why a toolchain of this version gets no cell of this case, or empty when it does. */
    public Optional<String> notPlannedFor(GoVersion version) {
        if (goVersions == null || goVersions.contains(version)) {
            return Optional.empty();
        }
        return Optional.of("case " + id + " is planned only for Go " + goVersions + " (goVersions in its case.yaml)");
    }

    public Optional<Library> libraryOpt() {
        return Optional.ofNullable(library);
    }

    public Optional<Duration> timeoutOpt() {
        return Optional.ofNullable(timeout);
    }

    /** Writes every file of the case below {@code dir}, readable by its owner only. */
    public void writeTo(Path dir) throws java.io.IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            CaseFiles.write(dir.resolve(f.getKey()), f.getValue());
        }
    }
}
