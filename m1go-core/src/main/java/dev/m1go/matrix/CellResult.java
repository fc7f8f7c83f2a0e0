package dev.m1go.matrix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of one cell: (case, toolchain, target, runner, variant). Immutable; written to report.json as soon as
 * it is known.
 *
 * @param caseId        the case
 * @param go            the toolchain's version ({@code go1.22.12})
 * @param toolchainArch the architecture of that toolchain's {@code go} binary: keeps two toolchains of one version
 *                      apart
 * @param goos          target GOOS
 * @param goarch        target GOARCH
 * @param runner        {@code native}, {@code qemu}, {@code binfmt}, {@code rosetta}, {@code container}
 * @param variant       {@code default} or the case's variant name
 * @param outcome       the cell's outcome (the build's when the build failed, else the first run's)
 * @param signal        signal name, or {@code null}
 * @param inCgo         the fault arrived in C code
 * @param expected      the expectation that applied ({@code CGO_SIGNAL SIGABRT})
 * @param verdict       outcome compared with the expectation
 * @param signature     stable failure fingerprint, or {@code null}
 * @param summary       one readable line
 * @param header        crash report header lines of the deciding run
 * @param frames        top meaningful frames of the deciding run
 * @param failures      how many runs did not pass
 * @param translated    the binary ran under translation
 * @param reason        why the cell was skipped, or a note on an infrastructure problem; else {@code null}
 * @param build         how its binary was built, or {@code null} when nothing was built
 * @param runs          each execution
 * @param durationMillis build plus runs
 * @param facts         what the program of the first run reported about itself ({@code M1GO_FACT key=value} lines,
 *                      see {@link RunFacts}); empty for most cases and left out of report.json then
 * @param host          in a merged report, the label of the host that measured the cell; {@code null} in a report
 *                      of one host (and then left out of report.json)
 * @param tests         module mode's test cells: one result per Go test of the first run, in the order they
 *                      started; empty otherwise (and then left out of report.json)
 */
public record CellResult(
        @JsonProperty("case") String caseId,
        String go,
        String toolchainArch,
        String goos,
        String goarch,
        String runner,
        String variant,
        Outcome outcome,
        String signal,
        boolean inCgo,
        String expected,
        Verdict verdict,
        String signature,
        String summary,
        List<String> header,
        List<String> frames,
        int failures,
        boolean translated,
        String reason,
        BuildInfo build,
        List<RunResult> runs,
        long durationMillis,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.Map<String, String> facts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String host,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestResult> tests) {

    /** The order of cells in every report. */
    public static final Comparator<CellResult> ORDER = Comparator.comparing(CellResult::caseId)
            .thenComparing(c -> c.host() == null ? "" : c.host())
            .thenComparing(CellResult::go, dev.m1go.toolchain.GoVersion.STRING_ORDER)
            .thenComparing(CellResult::toolchainArch)
            .thenComparing(CellResult::goos)
            .thenComparing(CellResult::goarch)
            .thenComparing(c -> RunnerOrder.rank(c.runner()))
            .thenComparing(c -> c.variant().equals("default") ? "" : c.variant());

    public CellResult {
        Objects.requireNonNull(caseId, "case");
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        header = List.copyOf(header == null ? List.of() : header);
        frames = List.copyOf(frames == null ? List.of() : frames);
        runs = List.copyOf(runs == null ? List.of() : runs);
        facts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(facts == null ? java.util.Map.of() : facts));
        tests = List.copyOf(tests == null ? List.of() : tests);
    }

    /** A cell without per-test results. */
    public CellResult(String caseId, String go, String toolchainArch, String goos, String goarch, String runner,
                      String variant, Outcome outcome, String signal, boolean inCgo, String expected, Verdict verdict,
                      String signature, String summary, List<String> header, List<String> frames, int failures,
                      boolean translated, String reason, BuildInfo build, List<RunResult> runs, long durationMillis,
                      java.util.Map<String, String> facts, String host) {
        this(caseId, go, toolchainArch, goos, goarch, runner, variant, outcome, signal, inCgo, expected, verdict,
                signature, summary, header, frames, failures, translated, reason, build, runs, durationMillis, facts,
                host, List.of());
    }

    /** A cell of one host's report. */
    public CellResult(String caseId, String go, String toolchainArch, String goos, String goarch, String runner,
                      String variant, Outcome outcome, String signal, boolean inCgo, String expected, Verdict verdict,
                      String signature, String summary, List<String> header, List<String> frames, int failures,
                      boolean translated, String reason, BuildInfo build, List<RunResult> runs, long durationMillis) {
        this(caseId, go, toolchainArch, goos, goarch, runner, variant, outcome, signal, inCgo, expected, verdict,
                signature, summary, header, frames, failures, translated, reason, build, runs, durationMillis,
                java.util.Map.of(), null);
    }

    /** A cell of one host's report, with the facts its program reported. */
    public CellResult(String caseId, String go, String toolchainArch, String goos, String goarch, String runner,
                      String variant, Outcome outcome, String signal, boolean inCgo, String expected, Verdict verdict,
                      String signature, String summary, List<String> header, List<String> frames, int failures,
                      boolean translated, String reason, BuildInfo build, List<RunResult> runs, long durationMillis,
                      java.util.Map<String, String> facts) {
        this(caseId, go, toolchainArch, goos, goarch, runner, variant, outcome, signal, inCgo, expected, verdict,
                signature, summary, header, frames, failures, translated, reason, build, runs, durationMillis, facts,
                null);
    }

    /** This cell as measured on the host labelled {@code label}, with its log paths as {@code paths} maps them. */
    public CellResult onHost(String label, java.util.function.UnaryOperator<String> paths) {
        BuildInfo b = build == null ? null : new BuildInfo(build.outcome(), build.cc(), build.ccFamily(),
                build.libraryArch(), build.translated(), build.staticLink(), build.durationMillis(),
                mapped(paths, build.binary()), mapped(paths, build.stdoutLog()), mapped(paths, build.stderrLog()),
                build.retried());
        List<RunResult> r = runs.stream().map(x -> new RunResult(x.exitCode(), x.timedOut(), x.outcome(), x.signal(),
                x.durationMillis(), mapped(paths, x.stdoutLog()), mapped(paths, x.stderrLog()), x.observedArch()))
                .toList();
        return new CellResult(caseId, go, toolchainArch, goos, goarch, runner, variant, outcome, signal, inCgo,
                expected, verdict, signature, summary, header, frames, failures, translated, reason, b, r,
                durationMillis, facts, label, tests);
    }

    private static String mapped(java.util.function.UnaryOperator<String> paths, String path) {
        return path == null ? null : paths.apply(path);
    }

    /** {@code k/n} when the cell ran more than once, else {@code null}. */
    @JsonProperty("failureRate")
    public String failureRate() {
        return runs.size() > 1 ? failures + "/" + runs.size() : null;
    }

    /**
     * {@code c-abort go1.22.12 linux/arm64 qemu}, with {@code (arm64 go)} after the version when the toolchain is not
     * of the host's architecture and the variant at the end when it is not the default.
     */
    public String title(String hostGoarch) {
        return caseId + " " + go + (toolchainArch.equals(hostGoarch) ? "" : " (" + toolchainArch + " go)") + " "
                + goos + "/" + goarch + " " + runner + (variant.equals("default") ? "" : " " + variant);
    }
}
