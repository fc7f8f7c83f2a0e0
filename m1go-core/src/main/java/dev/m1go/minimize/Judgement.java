package dev.m1go.minimize;

import dev.m1go.core.UserError;
import dev.m1go.matrix.CellResult;
import dev.m1go.stats.FailureRate;
import dev.m1go.stats.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * What the first measurement of the failing cell says: the signature to keep, whether the failure is intermittent
 * (some of the runs passed) and whether it is seen only under translation (the native reference passed every run),
 * in which case a candidate counts only while the native cell keeps passing.
 *
 * @param cells    the cells candidates run on: without the native reference when the failure is not translation-only
 * @param measured the cells of the first measurement (with the native reference of a translated cell), which the
 *                 minimized case's command runs; without a native reference that neither passed nor failed this way
 *                 (its cell would contradict the case's expectation)
 */
record Judgement(
        Signature signature,
        boolean intermittent,
        boolean differential,
        Trials.Cells cells,
        String rate,
        List<String> notes,
        Trials.Cells measured) {

    static Judgement of(Trials.Trial reference, Trials.Cells cells, MinimizeSettings s, String hostGoarch)
            throws UserError {
        CellResult failing = reference.failing();
        String title = Minimizer.cellTitle(cells, hostGoarch);
        if (failing == null || failing.outcome() == dev.m1go.classify.Outcome.SKIPPED) {
            throw new UserError(
                    "the cell " + title + " could not run here" + (failing == null ? "" : ": " + failing.reason()));
        }
        if (failing.outcome().isBuildFailure()) {
            throw new UserError("the case does not build on " + title + " (" + failing.outcome() + ": "
                    + failing.diagnosis().summary() + "); m1go:minimize reduces a program that builds and then fails");
        }
        if (failing.runCount() == 0) {
            throw new UserError("the cell " + title + " built but did not run (" + failing.outcome() + ": "
                    + failing.diagnosis().summary() + ")");
        }
        if (failing.failures() == 0) {
            throw new UserError("the case passed every one of its " + failing.runCount() + " runs on " + title
                    + ": nothing to minimize. Name the failing cell with m1go.goVersions, m1go.targets and "
                    + "m1go.runners, or measure more runs with m1go.minimize.runs");
        }
        Signature sig = Signature.of(failing, reference.cause());
        int k = sig.matching(failing, reference.cause());
        int n = failing.runCount();
        boolean intermittent = k < n;
        FailureRate rate = Statistics.wilson(k, n);
        double threshold = s.thresholdPercent() / 100.0;
        if (intermittent && rate.low() <= threshold) {
            throw new UserError("the failure " + sig.describe() + " came in " + rate.describe() + " runs on " + title
                    + ": the lower bound of its 95 % Wilson interval is not above m1go.minimize.threshold="
                    + s.thresholdPercent() + " (percent), so no candidate could be told from noise; measure more runs "
                    + "with m1go.minimize.runs or lower m1go.minimize.threshold");
        }
        if (intermittent && failing.failures() != k) {
            throw new UserError("the runs of " + title + " failed in more than one way " + failing.outcomeCounts()
                    + ": m1go:minimize keeps one failure, and an intermittent one only while the other runs pass; "
                    + "name a cell where the failure is the only one");
        }
        List<String> notes = new ArrayList<>();
        boolean differential = false;
        Trials.Cells reproduceOn = cells; // the minimized case's command names the native cell too, unless it disagrees
        Trials.Cells kept = new Trials.Cells(cells.toolchain(), cells.target(), cells.runner(), null, null);
        if (cells.differential()) {
            CellResult ref = reference.reference();
            if (ref != null && Signature.passes(ref)) {
                differential = true;
                kept = cells;
                notes.add("the failure is seen only under translation: " + cells.nativeTarget() + " "
                        + cells.nativeRunner().name() + " passed " + ref.runCount() + " of " + ref.runCount()
                        + " runs, and every candidate must keep it passing");
            } else if (ref != null && sig.matching(ref) > 0) {
                notes.add("the failure happens natively too (" + describe(sig, ref) + " on " + cells.nativeTarget()
                        + " native): it is not a translation-only failure, so no native reference is kept");
            } else {
                notes.add("the native reference cell neither passed nor failed the same way ("
                        + (ref == null ? "not measured" : ref.outcome()) + "): no native reference is kept");
                reproduceOn = kept;
            }
        }
        return new Judgement(sig, intermittent, differential, kept, describe(sig, failing), notes, reproduceOn);
    }

    /** {@code 10/10 runs CGO_SIGNAL SIGSEGV in C} or, for an intermittent one, with its Wilson interval. */
    static String describe(Signature sig, CellResult c) {
        int n = c.runCount();
        if (n == 0) {
            return c.outcome().toString();
        }
        int k = sig.matching(c);
        if (k == 0 && Signature.passes(c)) {
            return n + "/" + n + " runs PASS";
        }
        FailureRate rate = Statistics.wilson(k, n);
        return (k == n || k == 0 ? k + "/" + n : rate.describe()) + " runs " + sig.describe();
    }
}
