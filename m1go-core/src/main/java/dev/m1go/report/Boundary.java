package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestResult;
import dev.m1go.stats.FailureRate;
import dev.m1go.stats.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A point in version order where a case's outcome changes: for one (case, target, runner, toolchain architecture,
 * variant), the toolchains in version order, and the last version with the old outcome next to the first with the
 * new one. Cells of every host take part, so a merged report of machines with other toolchains fills in more
 * versions; skipped cells do not. For a test binary of module mode, the set of tests that failed (in the first run)
 * is part of the outcome: the same exit status with other failing tests is a change too.
 *
 * <p>A change is stated as a boundary ("PASS up to go1.21.13, CGO_CHECK from go1.22.12") only when both cells ran
 * more than once and their failure rates differ by Fisher's exact test (p &lt; {@value Differential#ALPHA}). Otherwise
 * it is an observation ("PASS at go1.21.13, CGO_CHECK at go1.22.12"), said to be no boundary to bisect: a cell that
 * ran once may have met a flake (a deadline missed on a loaded machine), and the text says how many runs there were
 * and which tests failed.
 *
 * @param upTo    the last version with outcome {@code before}
 * @param from    the first version with outcome {@code after}
 * @param before  outcome (and signal) up to {@code upTo}
 * @param after   outcome (and signal) from {@code from}
 * @param versions every version of the sequence, in order (so a reader sees how densely it was measured)
 * @param evidence {@value #REPEATED_RUNS} when both cells ran more than once, else {@value #SINGLE_RUN}
 * @param beforeRate the failure rate of the {@code upTo} cell when it ran more than once
 * @param afterRate the failure rate of the {@code from} cell when it ran more than once
 * @param pValue  the two-sided Fisher exact test of the two failure rates, when both exist
 * @param failingBefore the tests that failed in the first run of the {@code upTo} cell (test binaries only)
 * @param failingAfter the tests that failed in the first run of the {@code from} cell (test binaries only)
 */
public record Boundary(
        @JsonProperty("case") String caseId,
        String goos,
        String goarch,
        String runner,
        String toolchainArch,
        String variant,
        String upTo,
        String before,
        String from,
        String after,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> versions,
        String evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) FailureRate beforeRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) FailureRate afterRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double pValue,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> failingBefore,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> failingAfter) {

    /** Both cells ran more than once: their failure rates are compared. */
    public static final String REPEATED_RUNS = "repeated-runs";
    /** At least one of the two cells ran once (or only built). */
    public static final String SINGLE_RUN = "single-run";

    public Boundary {
        Objects.requireNonNull(caseId, "case");
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(evidence, "evidence");
        versions = List.copyOf(versions == null ? List.of() : versions);
        failingBefore = List.copyOf(failingBefore == null ? List.of() : failingBefore);
        failingAfter = List.copyOf(failingAfter == null ? List.of() : failingAfter);
    }

    /** Every change of the cells, by case, target, runner, toolchain architecture, variant, then version. */
    public static List<Boundary> of(List<CellResult> cells) {
        Map<String, List<CellResult>> sequences = new LinkedHashMap<>();
        cells.stream()
                .filter(c -> c.verdict() != Verdict.SKIPPED)
                .sorted(CellResult.ORDER)
                .sorted(Comparator.comparing((CellResult c) -> c.key().caseId())
                        .thenComparing(c -> c.key().target())
                        .thenComparing(
                                c -> dev.m1go.matrix.RunnerOrder.rank(c.key().runner()))
                        .thenComparing(c -> c.key().toolchainArch().goarch())
                        .thenComparing(c -> c.key().variant())
                        .thenComparing(c -> c.key().go(), dev.m1go.toolchain.GoVersion.STRING_ORDER))
                .forEach(c -> sequences
                        .computeIfAbsent(
                                String.join(
                                        "\u0000",
                                        c.key().caseId(),
                                        c.key().target().toString(),
                                        c.key().runner(),
                                        c.key().toolchainArch().goarch(),
                                        c.key().variant()),
                                k -> new ArrayList<>())
                        .add(c));
        List<Boundary> out = new ArrayList<>();
        for (List<CellResult> seq : sequences.values()) {
            List<String> versions =
                    seq.stream().map(c -> c.key().go()).distinct().toList();
            for (int i = 1; i < seq.size(); i++) {
                CellResult a = seq.get(i - 1);
                CellResult b = seq.get(i);
                if (!outcome(a).equals(outcome(b)) || !failing(a).equals(failing(b))) {
                    out.add(between(a, b, versions));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Boundary between(CellResult a, CellResult b, List<String> versions) {
        dev.m1go.matrix.CellKey k = b.key();
        FailureRate ra = a.failureRate();
        FailureRate rb = b.failureRate();
        Double p = ra != null && rb != null ? Statistics.fisherTwoSided(ra.k(), ra.n(), rb.k(), rb.n()) : null;
        return new Boundary(
                k.caseId(),
                k.target().os().goos(),
                k.target().arch().goarch(),
                k.runner(),
                k.toolchainArch().goarch(),
                k.variant(),
                a.key().go(),
                outcome(a),
                k.go(),
                outcome(b),
                versions,
                p == null ? SINGLE_RUN : REPEATED_RUNS,
                ra,
                rb,
                p,
                failing(a),
                failing(b));
    }

    private static String outcome(CellResult c) {
        return c.outcome() + (c.signal() == null ? "" : " " + c.signal());
    }

    private static List<String> failing(CellResult c) {
        return c.tests().stream()
                .filter(TestResult::failed)
                .map(TestResult::name)
                .toList();
    }

    /** Whether the failure rates of both sides were measured and differ significantly: a boundary to bisect. */
    public boolean significant() {
        return pValue != null && pValue < Differential.ALPHA;
    }

    /** {@code linux/arm64 qemu}, with {@code (arm64 go)} when the toolchain is not of {@code hostArch}. */
    public String where(String hostArch) {
        return goos + "/" + goarch + " " + runner
                + (toolchainArch.equals(hostArch) ? "" : " (" + toolchainArch + " go)")
                + (variant.equals("default") ? "" : " " + variant);
    }

    /**
     * {@code PASS up to go1.21.13, EXIT_NONZERO from go1.22.12: failure rates 0/5 […] vs 5/5 […] (95 % Wilson
     * intervals), Fisher's exact test p = 0.0079}, or, without that evidence, {@code PASS at go1.21.13, EXIT_NONZERO
     * at go1.22.12: an observation, not a boundary to bisect (n = 1 run per cell; failing tests: TestX at
     * go1.22.12)}.
     */
    public String describe() {
        String tests = tests();
        if (significant()) {
            return before + " up to " + upTo + ", " + after + " from " + from + ": " + rates() + ", Fisher's exact "
                    + "test p " + p() + (tests.isEmpty() ? "" : "; in the first runs, " + tests);
        }
        String change = before + " at " + upTo + ", " + after + " at " + from;
        if (pValue != null) {
            return change + " in the first runs, but the " + rates() + " do not differ significantly (Fisher's exact "
                    + "test p " + p() + "): not a boundary to bisect" + (tests.isEmpty() ? "" : "; " + tests);
        }
        String runs = beforeRate == null && afterRate == null
                ? "n = 1 run per cell"
                : runs(upTo, beforeRate) + ", " + runs(from, afterRate);
        return change + ": an observation, not a boundary to bisect (" + runs + (tests.isEmpty() ? "" : "; " + tests)
                + ")";
    }

    private String rates() {
        return "failure rates " + beforeRate.describe() + " vs " + afterRate.describe() + " (95 % Wilson intervals)";
    }

    private String p() {
        return (pValue < 0.001 ? "" : "= ") + Statistics.formatP(pValue);
    }

    private static String runs(String version, FailureRate rate) {
        return rate == null
                ? "1 run at " + version
                : rate.n() + " runs at " + version + ", " + rate.describe() + " failed";
    }

    /** Which tests failed on each side, or empty when neither side is a test binary with a failing test. */
    private String tests() {
        if (failingBefore.isEmpty() && failingAfter.isEmpty()) {
            return "";
        }
        if (failingBefore.equals(failingAfter)) {
            return "failing tests: " + Differential.names(failingAfter) + " at both";
        }
        if (failingBefore.isEmpty() || failingAfter.isEmpty()) {
            return "failing tests: "
                    + (failingBefore.isEmpty()
                            ? Differential.names(failingAfter) + " at " + from
                            : Differential.names(failingBefore) + " at " + upTo);
        }
        return "failing tests differ between the versions: " + Differential.names(failingBefore) + " at " + upTo + "; "
                + Differential.names(failingAfter) + " at " + from;
    }
}
