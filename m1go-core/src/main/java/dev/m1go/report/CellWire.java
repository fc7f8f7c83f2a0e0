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
 * for readers of the file; reading takes them from those again. {@code tests} (module mode: one result per Go test) is
 * left out when empty.
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
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) dev.m1go.stats.FailureRate failureRate,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> outcomeCounts,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestResult> tests) {

    static CellWire of(CellResult c) {
        CellKey k = c.key();
        Diagnosis d = c.diagnosis();
        return new CellWire(k.caseId(), k.go(), k.toolchainArch().goarch(), k.target().os().goos(),
                k.target().arch().goarch(), k.runner(), k.variant(), c.outcome(), d.signal(), d.inCgo(), c.expected(),
                c.verdict(), d.signature(), d.summary(), d.header(), d.frames(), c.failures(), c.translated(),
                c.reason(), c.build(), c.runs(), c.durationMillis(), c.facts(), k.host(), c.failureRate(),
                c.outcomeCounts(), c.tests());
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
            throw new IllegalArgumentException("cell " + caseId + " " + go + " has no " + (outcome == null
                    ? "outcome" : "verdict"));
        }
        CellKey key = new CellKey(caseId, go, arch("toolchainArch", toolchainArch),
                new Platform(Os.parse(goos).filter(o -> o.goos().equals(goos)).orElseThrow(() -> unknown("goos", goos)),
                        arch("goarch", goarch)), runner, variant, host);
        return new CellResult(key, outcome, verdict, expected,
                new Diagnosis(signal, inCgo, signature, summary, header, frames), translated, reason, build, runs,
                facts, outcomeCounts, tests);
    }

    private Arch arch(String field, String value) {
        return Arch.parse(value).filter(a -> a.goarch().equals(value)).orElseThrow(() -> unknown(field, value));
    }

    private IllegalArgumentException unknown(String field, String value) {
        return new IllegalArgumentException("cell " + caseId + " " + go + ": " + field + " '" + value
                + "' is not a GOOS/GOARCH name this m1go knows");
    }

    private static void require(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("a cell has no '" + field + "'");
        }
    }
}
