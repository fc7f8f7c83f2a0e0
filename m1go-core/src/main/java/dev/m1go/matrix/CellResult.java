package dev.m1go.matrix;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The result of one cell. Immutable; made by {@link #skipped}, {@link #buildFailed} or {@link #ran}, and written to
 * report.json as soon as it is known (the report package maps it to the wire form).
 *
 * @param key        which cell
 * @param outcome    the cell's outcome (the build's when the build failed, else the first run's)
 * @param verdict    outcome compared with the expectation
 * @param expected   the expectation that applied ({@code CGO_SIGNAL SIGABRT})
 * @param diagnosis  signal, signature, summary, crash header and frames
 * @param translated the binary ran under translation
 * @param reason     why the cell was skipped, or a note on an infrastructure problem; else {@code null}
 * @param build      how its binary was built, or {@code null} when nothing was built
 * @param runs       each execution
 * @param facts      what the program of the first run reported about itself ({@code M1GO_FACT key=value} lines, see
 *                   {@link RunFacts}); empty for most cases
 * @param outcomeCounts how many runs ended in each outcome ({@code CGO_SIGNAL SIGABRT} → 3) when the cell ran more
 *                   than once; in stress mode {@code runs} keeps only the first and the failing runs, these counts
 *                   keep every one. Empty for a cell that ran once (then {@code runs} says everything).
 * @param tests      module mode's test cells: one result per Go test of the first run, in the order they started;
 *                   empty otherwise
 * @param runEnv     the names of the variables {@code m1go.runEnv} set for the runs (never their values, which may be
 *                   secrets); empty otherwise
 * @param benchmarks module mode with {@code m1go.testBench}: the benchmark results of the first run; empty otherwise
 */
public record CellResult(
        CellKey key,
        Outcome outcome,
        Verdict verdict,
        String expected,
        Diagnosis diagnosis,
        boolean translated,
        String reason,
        BuildInfo build,
        List<RunResult> runs,
        Map<String, String> facts,
        Map<String, Integer> outcomeCounts,
        List<TestResult> tests,
        List<String> runEnv,
        List<BenchmarkResult> benchmarks) {

    /** The order of cells in every report. */
    public static final Comparator<CellResult> ORDER = Comparator.comparing(CellResult::key, CellKey.ORDER);

    public CellResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        diagnosis = diagnosis == null ? Diagnosis.note(null) : diagnosis;
        runs = List.copyOf(runs == null ? List.of() : runs);
        facts = Collections.unmodifiableMap(new TreeMap<>(facts == null ? Map.of() : facts));
        outcomeCounts = Collections.unmodifiableMap(new TreeMap<>(outcomeCounts == null ? Map.of() : outcomeCounts));
        tests = List.copyOf(tests == null ? List.of() : tests);
        runEnv =
                runEnv == null ? List.of() : runEnv.stream().sorted().distinct().toList();
        benchmarks = List.copyOf(benchmarks == null ? List.of() : benchmarks);
    }

    /** A cell without run environment or benchmarks. */
    public CellResult(
            CellKey key,
            Outcome outcome,
            Verdict verdict,
            String expected,
            Diagnosis diagnosis,
            boolean translated,
            String reason,
            BuildInfo build,
            List<RunResult> runs,
            Map<String, String> facts,
            Map<String, Integer> outcomeCounts,
            List<TestResult> tests) {
        this(
                key,
                outcome,
                verdict,
                expected,
                diagnosis,
                translated,
                reason,
                build,
                runs,
                facts,
                outcomeCounts,
                tests,
                List.of(),
                List.of());
    }

    /** A cell without outcome counts (every run it made is in {@code runs}) and without per-test results. */
    public CellResult(
            CellKey key,
            Outcome outcome,
            Verdict verdict,
            String expected,
            Diagnosis diagnosis,
            boolean translated,
            String reason,
            BuildInfo build,
            List<RunResult> runs,
            Map<String, String> facts) {
        this(key, outcome, verdict, expected, diagnosis, translated, reason, build, runs, facts, Map.of(), List.of());
    }

    /** A cell with outcome counts and without per-test results. */
    public CellResult(
            CellKey key,
            Outcome outcome,
            Verdict verdict,
            String expected,
            Diagnosis diagnosis,
            boolean translated,
            String reason,
            BuildInfo build,
            List<RunResult> runs,
            Map<String, String> facts,
            Map<String, Integer> outcomeCounts) {
        this(
                key,
                outcome,
                verdict,
                expected,
                diagnosis,
                translated,
                reason,
                build,
                runs,
                facts,
                outcomeCounts,
                List.of());
    }

    /** A cell that did not run: {@code reason} says why. */
    public static CellResult skipped(CellKey key, String expected, boolean translated, String reason) {
        return new CellResult(
                key,
                Outcome.SKIPPED,
                Verdict.SKIPPED,
                expected,
                Diagnosis.note(reason),
                translated,
                reason,
                null,
                List.of(),
                Map.of());
    }

    /** A cell whose binary could not be built: the build's outcome is the cell's. */
    public static CellResult buildFailed(
            CellKey key, String expected, Verdict verdict, BuildInfo build, Diagnosis diagnosis) {
        Objects.requireNonNull(build, "build");
        return new CellResult(
                key, build.outcome(), verdict, expected, diagnosis, false, null, build, List.of(), Map.of());
    }

    /** A cell that was built and ran at least once; {@code outcome} is its first run's. */
    public static CellResult ran(
            CellKey key,
            String expected,
            Outcome outcome,
            Verdict verdict,
            Diagnosis diagnosis,
            boolean translated,
            BuildInfo build,
            List<RunResult> runs,
            Map<String, String> facts) {
        return new CellResult(key, outcome, verdict, expected, diagnosis, translated, null, build, runs, facts);
    }

    /**
     * A cell that ran more than once, with how many runs ended in each outcome ({@code PASS}, {@code CGO_SIGNAL
     * SIGABRT}, …); {@code runs} may hold only some of them (stress mode keeps the first and the failing ones).
     */
    public static CellResult ran(
            CellKey key,
            String expected,
            Outcome outcome,
            Verdict verdict,
            Diagnosis diagnosis,
            boolean translated,
            BuildInfo build,
            List<RunResult> runs,
            Map<String, String> facts,
            Map<String, Integer> outcomeCounts) {
        return new CellResult(
                key, outcome, verdict, expected, diagnosis, translated, null, build, runs, facts, outcomeCounts);
    }

    /** This cell as measured on the host labelled {@code label}, its log paths mapped by {@code paths}. */
    public CellResult measuredOn(String label, UnaryOperator<String> paths) {
        return new CellResult(
                key.onHost(label),
                outcome,
                verdict,
                expected,
                diagnosis,
                translated,
                reason,
                build == null ? null : build.relocated(paths),
                runs.stream().map(r -> r.relocated(paths)).toList(),
                facts,
                outcomeCounts,
                tests,
                runEnv,
                benchmarks);
    }

    /** A module-mode test cell: this cell with one result per Go test. */
    public CellResult withTests(List<TestResult> results) {
        return new CellResult(
                key,
                outcome,
                verdict,
                expected,
                diagnosis,
                translated,
                reason,
                build,
                runs,
                facts,
                outcomeCounts,
                results,
                runEnv,
                benchmarks);
    }

    /** This cell with the names of the run environment's variables ({@code m1go.runEnv}) and its benchmark results. */
    public CellResult withRunEnvAndBenchmarks(List<String> names, List<BenchmarkResult> results) {
        return new CellResult(
                key,
                outcome,
                verdict,
                expected,
                diagnosis,
                translated,
                reason,
                build,
                runs,
                facts,
                outcomeCounts,
                tests,
                names,
                results);
    }

    /** The signal that goes with the outcome, or {@code null}. */
    public String signal() {
        return diagnosis.signal();
    }

    /** How many runs did not pass (of {@link #runCount}). */
    public int failures() {
        if (!outcomeCounts.isEmpty()) {
            return runCount() - outcomeCounts.getOrDefault(Outcome.PASS.name(), 0);
        }
        return (int) runs.stream().filter(r -> r.outcome() != Outcome.PASS).count();
    }

    /** How many times the cell ran: the sum of {@code outcomeCounts}, else the runs kept. */
    public int runCount() {
        return outcomeCounts.isEmpty()
                ? runs.size()
                : outcomeCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Build plus runs, as report.json's {@code durationMillis} has always been. One build serves every runner of its
     * target, so a sum of these over cells counts each build once per runner: {@link #runMillis()} and
     * {@link #buildMillis()} keep the two apart.
     */
    public long durationMillis() {
        return buildMillis() + runMillis();
    }

    /** The time of the runs kept in {@link #runs()}, without the build. */
    public long runMillis() {
        return runs.stream().mapToLong(RunResult::durationMillis).sum();
    }

    /** The time of the build this cell's binary came from (shared with the other runners of its target), or 0. */
    public long buildMillis() {
        return build == null ? 0 : build.durationMillis();
    }

    /**
     * k of n runs did not pass, with the 95 % Wilson score interval, when the cell ran more than once; else
     * {@code null}. Its {@code toString()} is {@code k/n}.
     */
    public dev.m1go.stats.FailureRate failureRate() {
        int n = runCount();
        return n > 1 ? dev.m1go.stats.Statistics.wilson(failures(), n) : null;
    }
}
