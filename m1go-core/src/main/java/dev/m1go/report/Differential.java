package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunnerOrder;
import dev.m1go.stats.FailureRate;
import dev.m1go.stats.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One translation differential: for one (case, Go version, target, variant), a cell that ran under translation (its
 * runner translates, or its toolchain's own {@code go} binary is of another architecture than its host, or both)
 * compared with the reference cell of the same group.
 *
 * <p>The reference is, in this order: a cell that ran natively with a toolchain of its host's architecture (in a
 * merged report also one from another host, e.g. a Linux arm64 machine's native cell for an amd64 machine's qemu
 * cell); else a container cell on a host of the target's architecture; else, for a test binary of module mode that
 * ran, the native cell of the same test binary and Go version for another target of the same OS (linux/amd64 native
 * for linux/arm64 qemu: it ran the very same tests; of the same host when there is one); else, when no host ran the
 * target natively, the first translated cell in runner order (qemu before binfmt: "the other translator").
 *
 * <p>Two test-binary cells are compared test by test (their first runs): a test that fails in the translated cell and
 * passes in the reference fails only under translation, whatever the cells' exit statuses; the cells' outcomes
 * decide only when every test compared agrees.
 *
 * <p>Verdicts: {@code same} (outcome and signal agree; for two cells with repeated runs, their failure rates do not
 * differ significantly by Fisher's exact test, p ≥ {@value #ALPHA}); {@code translation-only} (the reference passes
 * or matches its expectation, the translated cell differs, or its failure rate is significantly higher);
 * {@code native-only} (the reference fails, the translated cell passes or matches its expectation, or its failure
 * rate is significantly lower); {@code both-differ} (both fail, differently).
 *
 * @param translation what is translated in {@code cell}: {@code runner}, {@code toolchain} or {@code runner+toolchain}
 * @param referenceKind {@code native}, {@code container}, {@code native-other-target} or {@code translator}
 * @param pValue      the two-sided Fisher exact test of the two cells' failure counts when both ran more than once
 * @param referenceTarget the reference's GOOS/GOARCH when it is of another target than the group, else {@code null}
 * @param testsCompared how many tests had a result (not skipped) in both cells' first runs when both are test
 *                    binaries, else {@code null}
 * @param translationOnlyTests tests that failed in the translated cell and passed in the reference
 * @param nativeOnlyTests tests that passed in the translated cell and failed in the reference
 */
public record Differential(
        @JsonProperty("case") String caseId,
        String go,
        String goos,
        String goarch,
        String variant,
        String verdict,
        String translation,
        String referenceKind,
        Side reference,
        Side cell,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double pValue,
        @JsonInclude(JsonInclude.Include.NON_NULL) String referenceTarget,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer testsCompared,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> translationOnlyTests,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> nativeOnlyTests) {

    public static final String SAME = "same";
    public static final String TRANSLATION_ONLY = "translation-only";
    public static final String NATIVE_ONLY = "native-only";
    public static final String BOTH_DIFFER = "both-differ";
    /** The reference kind of a test binary's native cell of another target. */
    public static final String NATIVE_OTHER_TARGET = "native-other-target";
    /** The significance level below which two failure rates count as different. */
    public static final double ALPHA = 0.05;
    /** Test names a line of text lists before it says how many more there are. */
    static final int MAX_TESTS = 10;

    public Differential {
        Objects.requireNonNull(caseId, "case");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(cell, "cell");
        translationOnlyTests = List.copyOf(translationOnlyTests == null ? List.of() : translationOnlyTests);
        nativeOnlyTests = List.copyOf(nativeOnlyTests == null ? List.of() : nativeOnlyTests);
    }

    /** One side of the comparison: the cell's key ({@link CellKey#id}) and what it did. */
    public record Side(
            String key,
            String runner,
            String toolchainArch,
            String host,
            String outcome,
            String signal,
            String verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) FailureRate failureRate) {

        static Side of(CellResult c) {
            CellKey k = c.key();
            return new Side(
                    k.id(),
                    k.runner(),
                    k.toolchainArch().goarch(),
                    k.host(),
                    c.outcome().name(),
                    c.signal(),
                    c.verdict().name(),
                    c.failureRate());
        }

        /** {@code CGO_SIGNAL SIGABRT}, with {@code 7/200 [1.7 %–7.0 %]} when it ran more than once. */
        public String describe() {
            return outcome
                    + (signal == null ? "" : " " + signal)
                    + (failureRate == null ? "" : " " + failureRate.describe());
        }
    }

    /**
     * Every differential of the cells, in report order. Skipped cells take no part.
     *
     * @param hostArch the architecture of the host that measured a cell ({@link Report#hostArchOf})
     */
    public static List<Differential> of(List<CellResult> cells, Function<CellResult, String> hostArch) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        cells.stream()
                .filter(c -> c.verdict() != Verdict.SKIPPED)
                .sorted(CellResult.ORDER)
                .forEach(c -> groups.computeIfAbsent(
                                c.key().caseId() + "\u0000" + c.key().go() + "\u0000"
                                        + c.key().target() + "\u0000" + c.key().variant(),
                                k -> new ArrayList<>())
                        .add(c));
        List<Differential> out = new ArrayList<>();
        List<CellResult> measured =
                groups.values().stream().flatMap(List::stream).toList();
        for (List<CellResult> group : groups.values()) {
            Reference ref = reference(group, hostArch);
            for (CellResult c : group) {
                String translation = translation(c, hostArch);
                Reference r = ref;
                if (translation != null && (ref == null || ref.kind().equals("translator"))) {
                    Reference other = otherTarget(c, measured, hostArch);
                    r = other == null ? ref : other;
                }
                if (r == null
                        || c == r.cell()
                        || (translation == null && !r.kind().equals("translator"))) {
                    continue;
                }
                out.add(compare(r, c, translation == null ? "none" : translation));
            }
        }
        return List.copyOf(out);
    }

    /** The differentials whose verdict is {@code translation-only}. */
    public static List<Differential> translationOnly(List<Differential> all) {
        return all.stream().filter(d -> d.verdict().equals(TRANSLATION_ONLY)).toList();
    }

    private record Reference(CellResult cell, String kind) {}

    private static String translation(CellResult c, Function<CellResult, String> hostArch) {
        boolean toolchain = c.key().foreignToolchain(hostArch.apply(c));
        boolean runner = c.translated();
        return runner && toolchain ? "runner+toolchain" : runner ? "runner" : toolchain ? "toolchain" : null;
    }

    private static Reference reference(List<CellResult> group, Function<CellResult, String> hostArch) {
        Comparator<CellResult> order =
                Comparator.comparing((CellResult c) -> RunnerOrder.rank(c.key().runner()));
        List<CellResult> untranslated =
                group.stream().filter(c -> translation(c, hostArch) == null).toList();
        var nativeCell = untranslated.stream()
                .filter(c -> !c.key().runner().equals("container"))
                .min(order);
        if (nativeCell.isPresent()) {
            return new Reference(nativeCell.get(), "native");
        }
        var container = untranslated.stream().min(order);
        if (container.isPresent()) {
            return new Reference(container.get(), "container");
        }
        var translator = group.stream()
                .filter(c -> "runner".equals(translation(c, hostArch)))
                .min(order);
        return translator.map(c -> new Reference(c, "translator")).orElse(null);
    }

    /**
     * For a cell that ran: the native cell of the same test binary, Go version and variant for another target of the
     * same OS that ran tests, of the cell's own host when there is one; {@code null} for a program (no tests).
     */
    private static Reference otherTarget(CellResult c, List<CellResult> cells, Function<CellResult, String> hostArch) {
        if (c.runs().isEmpty()) {
            return null;
        }
        CellKey k = c.key();
        return cells.stream()
                .filter(o -> !o.key().target().equals(k.target())
                        && o.key().target().os() == k.target().os())
                .filter(o -> o.key().caseId().equals(k.caseId())
                        && o.key().go().equals(k.go())
                        && o.key().variant().equals(k.variant()))
                .filter(o -> o.key().runner().equals("native") && translation(o, hostArch) == null)
                .filter(TestDiff::applies)
                .min(Comparator.comparing(
                                (CellResult o) -> Objects.equals(o.key().host(), k.host()) ? 0 : 1)
                        .thenComparing(o -> o.key().target().toString()))
                .map(o -> new Reference(o, NATIVE_OTHER_TARGET))
                .orElse(null);
    }

    private static Differential compare(Reference ref, CellResult c, String translation) {
        CellResult r = ref.cell();
        FailureRate rr = r.failureRate();
        FailureRate cr = c.failureRate();
        Double p = rr != null && cr != null ? Statistics.fisherTwoSided(cr.k(), cr.n(), rr.k(), rr.n()) : null;
        boolean sameOutcome = r.outcome() == c.outcome() && Objects.equals(r.signal(), c.signal());
        TestDiff tests = TestDiff.applies(r) && TestDiff.applies(c) ? TestDiff.of(r, c) : null;
        String verdict;
        if (p == null && tests != null && tests.verdict() != null) {
            verdict = tests.verdict();
        } else if (p == null) {
            verdict = sameOutcome ? SAME : differ(r, c);
        } else if (p < ALPHA) {
            verdict = cr.rate() > rr.rate() ? TRANSLATION_ONLY : NATIVE_ONLY;
        } else {
            // rates alike: only two cells that failed every run, in different ways, differ
            boolean alwaysFailing = cr.k() == cr.n() && rr.k() == rr.n();
            verdict = sameOutcome || !alwaysFailing ? SAME : differ(r, c);
        }
        CellKey k = c.key();
        return new Differential(
                k.caseId(),
                k.go(),
                k.target().os().goos(),
                k.target().arch().goarch(),
                k.variant(),
                verdict,
                translation,
                ref.kind(),
                Side.of(r),
                Side.of(c),
                p,
                r.key().target().equals(k.target()) ? null : r.key().target().toString(),
                tests == null ? null : tests.compared(),
                tests == null ? null : tests.onlyInCell(),
                tests == null ? null : tests.onlyInReference());
    }

    /** Two cells with different outcomes: which side is the odd one. */
    private static String differ(CellResult ref, CellResult c) {
        if (ok(ref)) {
            return TRANSLATION_ONLY;
        }
        return ok(c) ? NATIVE_ONLY : BOTH_DIFFER;
    }

    private static boolean ok(CellResult c) {
        return c.outcome() == Outcome.PASS || c.verdict() == Verdict.EXPECTED;
    }

    /** {@code c-abort go1.22.12 linux/arm64}, with the variant when it is not the default. */
    public String group() {
        return caseId + " " + go + " " + goos + "/" + goarch + (variant.equals("default") ? "" : " " + variant);
    }

    /** {@code qemu}, {@code native (arm64 go)}, {@code binfmt @ mac-m1}: which cell a side is, within its group. */
    public static String where(Side s, String hostArch) {
        return s.runner()
                + (s.toolchainArch().equals(hostArch) ? "" : " (" + s.toolchainArch() + " go)")
                + (s.host() == null ? "" : " @ " + s.host());
    }

    /**
     * {@code c-abort go1.22.12 linux/arm64: qemu 7/200 [1.7 %–7.0 %] vs native 0/200 [0 %–1.9 %], p = 0.015}.
     *
     * @param hostArch the architecture of the host of a side, by its host label ({@code null}: this report's host)
     */
    public String describe(Function<String, String> hostArch) {
        return group() + ": " + where(cell, hostArch.apply(cell.host())) + " " + cell.describe() + " vs "
                + (referenceTarget == null ? "" : referenceTarget + " ")
                + where(reference, hostArch.apply(reference.host())) + " " + reference.describe()
                + (pValue == null ? "" : ", p " + (pValue < 0.001 ? "" : "= ") + Statistics.formatP(pValue))
                + (testsCompared == null ? "" : testsNote(hostArch));
    }

    /**
     * {@code ; fails only under translation: TestA (compared test by test with <reference cell>: 3 tests ran in
     * both)}: the tests that decided, and what was compared with what.
     */
    private String testsNote(Function<String, String> hostArch) {
        List<String> decisive = verdict.equals(NATIVE_ONLY) ? nativeOnlyTests : translationOnlyTests;
        String tests = decisive.isEmpty()
                ? ""
                : "; fail" + (decisive.size() == 1 ? "s" : "")
                        + (verdict.equals(NATIVE_ONLY) ? " only natively: " : " only under translation: ")
                        + names(decisive);
        boolean repeated = cell.failureRate() != null || reference.failureRate() != null;
        return tests + " (" + (repeated ? "first runs " : "") + "compared test by test with " + caseId + " " + go + " "
                + (referenceTarget == null ? goos + "/" + goarch : referenceTarget) + " "
                + where(reference, hostArch.apply(reference.host())) + ": " + testsCompared + " test"
                + (testsCompared == 1 ? "" : "s") + " ran in both)";
    }

    /** At most {@value #MAX_TESTS} names, then how many more. */
    static String names(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(MAX_TESTS, names.size())))
                + (names.size() > MAX_TESTS ? ", … " + (names.size() - MAX_TESTS) + " more" : "");
    }
}
