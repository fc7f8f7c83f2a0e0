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
 * @param tests      module mode's test cells: one result per Go test of the first run, in the order they started;
 *                   empty otherwise
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
        List<TestResult> tests) {

    /** The order of cells in every report. */
    public static final Comparator<CellResult> ORDER = Comparator.comparing(CellResult::key, CellKey.ORDER);

    public CellResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        diagnosis = diagnosis == null ? Diagnosis.note(null) : diagnosis;
        runs = List.copyOf(runs == null ? List.of() : runs);
        facts = Collections.unmodifiableMap(new TreeMap<>(facts == null ? Map.of() : facts));
        tests = List.copyOf(tests == null ? List.of() : tests);
    }

    /** A cell without per-test results. */
    public CellResult(CellKey key, Outcome outcome, Verdict verdict, String expected, Diagnosis diagnosis,
                      boolean translated, String reason, BuildInfo build, List<RunResult> runs, Map<String, String> facts) {
        this(key, outcome, verdict, expected, diagnosis, translated, reason, build, runs, facts, List.of());
    }

    /** A cell that did not run: {@code reason} says why. */
    public static CellResult skipped(CellKey key, String expected, boolean translated, String reason) {
        return new CellResult(key, Outcome.SKIPPED, Verdict.SKIPPED, expected, Diagnosis.note(reason), translated,
                reason, null, List.of(), Map.of());
    }

    /** A cell whose binary could not be built: the build's outcome is the cell's. */
    public static CellResult buildFailed(CellKey key, String expected, Verdict verdict, BuildInfo build,
                                         Diagnosis diagnosis) {
        Objects.requireNonNull(build, "build");
        return new CellResult(key, build.outcome(), verdict, expected, diagnosis, false, null, build, List.of(),
                Map.of());
    }

    /** A cell that was built and ran at least once; {@code outcome} is its first run's. */
    public static CellResult ran(CellKey key, String expected, Outcome outcome, Verdict verdict, Diagnosis diagnosis,
                                 boolean translated, BuildInfo build, List<RunResult> runs, Map<String, String> facts) {
        return new CellResult(key, outcome, verdict, expected, diagnosis, translated, null, build, runs, facts);
    }

    /** This cell as measured on the host labelled {@code label}, its log paths mapped by {@code paths}. */
    public CellResult measuredOn(String label, UnaryOperator<String> paths) {
        return new CellResult(key.onHost(label), outcome, verdict, expected, diagnosis, translated, reason,
                build == null ? null : build.relocated(paths), runs.stream().map(r -> r.relocated(paths)).toList(),
                facts, tests);
    }

    /** A module-mode test cell: this cell with one result per Go test. */
    public CellResult withTests(List<TestResult> results) {
        return new CellResult(key, outcome, verdict, expected, diagnosis, translated, reason, build, runs, facts,
                results);
    }

    /** The signal that goes with the outcome, or {@code null}. */
    public String signal() {
        return diagnosis.signal();
    }

    /** How many runs did not pass. */
    public int failures() {
        return (int) runs.stream().filter(r -> r.outcome() != Outcome.PASS).count();
    }

    /** Build plus runs. */
    public long durationMillis() {
        return (build == null ? 0 : build.durationMillis()) + runs.stream().mapToLong(RunResult::durationMillis).sum();
    }

    /** {@code k/n} when the cell ran more than once, else {@code null}. */
    public String failureRate() {
        return runs.size() > 1 ? failures() + "/" + runs.size() : null;
    }
}
