package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.RunResult;
import dev.m1go.matrix.TestResult;
import java.util.List;
import java.util.Map;

/**
 * A cell as report.json (schema {@value Report#SCHEMA}) carries it: one flat object, fields in this order. The engine's
 * {@link CellResult} keeps identity, diagnosis and measurements apart; this record is only the wire form, so the file
 * stays what every earlier version wrote and read. {@code failures}, {@code durationMillis} and {@code failureRate}
 * ({@code {k, n, low, high}}, the 95 % Wilson interval) follow from the runs and {@code outcomeCounts} and are written
 * for readers of the file; reading takes them from those again. {@code tests} (module mode: one result per Go test),
 * {@code runEnv} (the names of the variables {@code m1go.runEnv} set, never their values) and {@code benchmarks}
 * ({@code m1go.testBench}: name, iterations and ns/op of each result) are left out when empty.
 */
record CellWire(
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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> facts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String host,

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        dev.m1go.stats.FailureRate failureRate,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> outcomeCounts,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestResult> tests,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> runEnv,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<dev.m1go.matrix.BenchmarkResult> benchmarks) {

    static CellWire of(CellResult c) {
        CellKey k = c.key();
        Diagnosis d = c.diagnosis();
        return new CellWire(
                k.caseId(),
                k.go(),
                k.toolchainArch().goarch(),
                k.target().os().goos(),
                k.target().arch().goarch(),
                k.runner(),
                k.variant(),
                c.outcome(),
                d.signal(),
                d.inCgo(),
                c.expected(),
                c.verdict(),
                d.signature(),
                d.summary(),
                d.header(),
                d.frames(),
                c.failures(),
                c.translated(),
                c.reason(),
                c.build(),
                c.runs(),
                c.durationMillis(),
                c.facts(),
                k.host(),
                c.failureRate(),
                c.outcomeCounts(),
                c.tests(),
                c.runEnv(),
                c.benchmarks());
    }

    /**
     * The cell this object describes.
     *
     * @throws IllegalArgumentException naming the field that holds no known value
     */
    CellResult toCell() {
        require(caseId, "case");
        require(go, "go");
        require(runner, "runner");
        require(variant, "variant");
        if (outcome == null || verdict == null) {
            throw new IllegalArgumentException(
                    "cell " + caseId + " " + go + " has no " + (outcome == null ? "outcome" : "verdict"));
        }
        CellKey key = key("cell", caseId, go, toolchainArch, goos, goarch, runner, variant, host);
        return new CellResult(
                key,
                outcome,
                verdict,
                expected,
                new Diagnosis(signal, inCgo, signature, summary, header, frames),
                translated,
                reason,
                build,
                runs,
                facts,
                outcomeCounts,
                tests,
                runEnv,
                benchmarks);
    }

    /**
     * A cell's identity from its wire fields ({@code what} names the kind of entry in a message).
     *
     * @throws IllegalArgumentException naming a GOOS/GOARCH field that holds no known value
     */
    static CellKey key(
            String what,
            String caseId,
            String go,
            String toolchainArch,
            String goos,
            String goarch,
            String runner,
            String variant,
            String host) {
        java.util.function.BiFunction<String, String, IllegalArgumentException> unknown =
                (field, value) -> new IllegalArgumentException(what + " " + caseId + " " + go + ": " + field + " '"
                        + value + "' is not a GOOS/GOARCH name this m1go knows");
        java.util.function.BiFunction<String, String, Arch> arch = (field, value) ->
                Arch.parse(value).filter(a -> a.goarch().equals(value)).orElseThrow(() -> unknown.apply(field, value));
        Os os = Os.parse(goos).filter(o -> o.goos().equals(goos)).orElseThrow(() -> unknown.apply("goos", goos));
        return new CellKey(
                caseId,
                go,
                arch.apply("toolchainArch", toolchainArch),
                new Platform(os, arch.apply("goarch", goarch)),
                runner,
                variant,
                host);
    }

    private static void require(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("a cell has no '" + field + "'");
        }
    }
}
