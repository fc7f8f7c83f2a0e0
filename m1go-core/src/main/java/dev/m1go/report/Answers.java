package dev.m1go.report;

import dev.m1go.core.Plural;
import java.util.List;

/**
 * The comparative sections of report.md and report.html: "Fails only under translation" (which opens both) and
 * "Where the outcome changes across versions". The texts are built here once; the writers only place them.
 */
final class Answers {

    static final String TRANSLATION_HEADING = "Fails only under translation";
    static final String BOUNDARIES_HEADING = "Where the outcome changes across versions";
    static final String NOT_MEASURED_HEADING = "Not measured";
    static final int MAX_LINES = 60;
    static final int MAX_RATES = 4;

    private Answers() {}

    /** One line per translation-only differential (empty when there is none: see {@link #noneFailsOnlyTranslated}). */
    static List<String> translationOnly(Report r) {
        return Differential.translationOnly(r.differentials()).stream()
                .map(d -> d.describe(r::hostArchOfLabel) + translationNote(d))
                .toList();
    }

    /** The one line that stands for an empty "Fails only under translation" section. */
    static String noneFailsOnlyTranslated(Report r) {
        List<Differential> all = r.differentials();
        boolean testBinaries = r.cells().stream().anyMatch(c -> !c.tests().isEmpty());
        return all.isEmpty()
                ? "No cell could be compared: no translated cell has a reference cell (native, container or another "
                        + "translator) of the same case, Go version, target and variant"
                        + (testBinaries ? ", nor, for a test binary, a native cell of another target" : "") + "."
                : "No cell fails only under translation (" + all.size() + " translated cells compared with their "
                        + "reference cells" + comparedTestByTest(r, all) + ").";
    }

    /**
     * {@code ; test by test: differs.test go1.26.8 linux/arm64 qemu with linux/amd64 native (3 tests), …}: what the
     * test binaries were compared with, at most {@link #MAX_RATES} of them; empty when no test binary was compared.
     */
    private static String comparedTestByTest(Report r, List<Differential> all) {
        List<String> pairs = all.stream()
                .filter(d -> d.testsCompared() != null || d.referenceTarget() != null)
                .map(d -> d.caseId() + " " + d.go() + " " + d.goos() + "/" + d.goarch() + " "
                        + Differential.where(
                                d.cell(), r.hostArchOfLabel(d.cell().host())) + " with "
                        + (d.referenceTarget() == null ? d.goos() + "/" + d.goarch() : d.referenceTarget()) + " "
                        + Differential.where(
                                d.reference(), r.hostArchOfLabel(d.reference().host()))
                        + (d.testsCompared() == null ? "" : " (" + Plural.of(d.testsCompared(), "test") + ")"))
                .toList();
        if (pairs.isEmpty()) {
            return "";
        }
        return "; test by test: " + String.join(", ", pairs.subList(0, Math.min(MAX_RATES, pairs.size())))
                + (pairs.size() > MAX_RATES ? ", and " + (pairs.size() - MAX_RATES) + " more (see report.json)" : "");
    }

    private static String translationNote(Differential d) {
        String what = switch (d.translation()) {
            case "toolchain" -> " (only the toolchain's own go command was translated)";
            case "runner+toolchain" -> " (both the binary and the toolchain's go command were translated)";
            default -> "";
        };
        boolean named =
                d.referenceKind().equals("native") || d.referenceKind().equals(Differential.NATIVE_OTHER_TARGET);
        return what + (named ? "" : " [reference: " + d.referenceKind() + "]");
    }

    /**
     * The cells m1go did not finish measuring, one line per reason: {@code 3 cells: <reason>: <cell>, <cell>, …}, the
     * cells named up to a few per line (every one is in report.json). Empty when every planned cell was measured.
     */
    static List<String> notMeasured(Report r) {
        java.util.Map<String, List<String>> byReason = new java.util.TreeMap<>();
        r.notMeasured()
                .forEach(n -> byReason.computeIfAbsent(n.reason(), k -> new java.util.ArrayList<>())
                        .add(n.key().title(r.hostArchOfLabel(n.key().host()))));
        int shown = 8;
        return byReason.entrySet().stream()
                .map(e -> Plural.of(e.getValue().size(), "cell") + ": " + e.getKey() + ": "
                        + String.join(
                                ", ",
                                e.getValue()
                                        .subList(0, Math.min(shown, e.getValue().size())))
                        + (e.getValue().size() > shown
                                ? ", … and " + (e.getValue().size() - shown) + " more"
                                : ""))
                .toList();
    }

    /** The sentence before the not-measured lines: what such a cell is, and what it is not. */
    static String notMeasuredIntro() {
        return "These cells have no outcome and no verdict: m1go cut their build or run short, so nothing was "
                + "observed about the program. They are not counted above, and m1go:merge and baselines ignore them.";
    }

    /** One line per boundary: {@code c-x linux/amd64 native: PASS up to go1.21.13, CGO_CHECK from go1.22.12}. */
    static List<String> boundaries(Report r) {
        return r.boundaries().stream()
                .map(b -> b.caseId() + " " + b.where(r.host().arch()) + ": " + b.describe())
                .toList();
    }

    /**
     * Rates of the failing cells of a signature that ran more than once, at most {@link #MAX_RATES}:
     * {@code go1.22.12 linux/arm64 qemu 7/200 [1.7 %–7.0 %]}.
     */
    static List<String> rates(Report r, String signature) {
        List<String> all = r.cells().stream()
                .filter(Cluster::failing)
                .filter(c -> Cluster.signatureOf(c).equals(signature))
                .filter(c -> c.failureRate() != null)
                .map(c -> c.key().toolchainLabel(r.hostArchOf(c)) + " "
                        + c.key().target() + " " + c.key().runner()
                        + (c.key().defaultVariant() ? "" : " " + c.key().variant())
                        + (c.key().host() == null ? "" : " @ " + c.key().host()) + " "
                        + c.failureRate().describe())
                .toList();
        if (all.size() <= MAX_RATES) {
            return all;
        }
        List<String> shown = new java.util.ArrayList<>(all.subList(0, MAX_RATES));
        shown.add("… " + (all.size() - MAX_RATES) + " more rates in report.json");
        return shown;
    }
}
