package dev.m1go.reproduce;

import dev.m1go.core.Log;
import dev.m1go.core.Plural;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.PlannedCell;
import dev.m1go.matrix.Platform;
import dev.m1go.report.Report;
import dev.m1go.runner.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run says about itself in the log, apart from the progress lines: its first line, how stress mode runs every
 * cell, why there is nothing to run, and the summary table at the end.
 */
final class RunLog {

    private RunLog() {}

    /** The first line of a run: "m1go: 4 cells (4 to run) from 1 case × 2 toolchains × 2 targets; reports in …". */
    static String header(int cells, long runnable, int cases, int toolchains, int targets, Path out) {
        return "m1go: " + Plural.of(cells, "cell") + " (" + runnable + " to run) from " + Plural.of(cases, "case")
                + " × " + Plural.of(toolchains, "toolchain") + " × " + Plural.of(targets, "target") + "; reports in "
                + out;
    }

    static String describe(ReproduceSettings.StressSettings st) {
        String how = st.stressRuns() > 0 && st.stressSeconds() > 0
                ? st.stressRuns() + " times or " + st.stressSeconds() + " s, whichever ends " + "first"
                : st.stressRuns() > 0 ? st.stressRuns() + " times" : "for " + st.stressSeconds() + " s";
        return how
                + (st.stressStopOnFailure() ? ", stopping at its first failure" : "")
                + (st.stressLoad() > 0 ? ", with " + st.stressLoad() + " busy threads of background load" : "");
    }

    /** Why a run has nothing to run: no runner applies, or every cell would be skipped (by reason). */
    static String nothingToRun(List<PlannedCell> plan, List<Runner> runners, List<Platform> targets) {
        if (plan.isEmpty()) {
            return "Nothing to run: none of the runners "
                    + String.join(", ", runners.stream().map(Runner::name).toList())
                    + " applies to the targets "
                    + String.join(", ", targets.stream().map(Platform::toString).toList())
                    + " on this host. Choose other m1go.runners or m1go.targets, or set m1go.failIfNoCells=false to "
                    + "write an empty report.";
        }
        Map<String, Long> reasons = new TreeMap<>();
        plan.forEach(p -> reasons.merge(p.skipReason(), 1L, Long::sum));
        StringBuilder sb =
                new StringBuilder("Nothing to run: every one of the " + plan.size() + " cells would be skipped:");
        reasons.forEach((r, n) -> sb.append("\n  ").append(n).append(" × ").append(r));
        sb.append("\nFix the first reason, or set m1go.failIfNoCells=false to write a report of skips.");
        return sb.toString();
    }

    /** The table of cells per case and verdict at the end of a run, the reasons of cells not measured. */
    static void summary(Log log, Report report, Path directory) {
        // cells, one column per verdict, and the cells not measured (no verdict) when there are any
        Map<String, int[]> perCase = new TreeMap<>();
        for (CellResult c : report.cells()) {
            int[] n = perCase.computeIfAbsent(c.key().caseId(), k -> new int[6]);
            n[0]++;
            n[1 + c.verdict().ordinal()]++;
        }
        for (dev.m1go.matrix.NotMeasured c : report.notMeasured()) {
            int[] n = perCase.computeIfAbsent(c.key().caseId(), k -> new int[6]);
            n[0]++;
            n[5]++;
        }
        boolean cut = !report.notMeasured().isEmpty();
        int width = Math.max(
                5, perCase.keySet().stream().mapToInt(String::length).max().orElse(5));
        String fmt = "%-" + width + "s %6s %9s %11s %6s %8s" + (cut ? " %13s" : "%s");
        log.info(String.format(
                Locale.ROOT,
                fmt,
                "case",
                "cells",
                "expected",
                "unexpected",
                "flaky",
                "skipped",
                cut ? "not measured" : ""));
        int[] total = new int[6];
        perCase.forEach((id, n) -> {
            log.info(String.format(Locale.ROOT, fmt, id, n[0], n[1], n[2], n[3], n[4], cut ? n[5] : ""));
            for (int i = 0; i < 6; i++) {
                total[i] += n[i];
            }
        });
        log.info(String.format(
                Locale.ROOT, fmt, "total", total[0], total[1], total[2], total[3], total[4], cut ? total[5] : ""));
        if (!report.notMeasured().isEmpty()) {
            Map<String, Long> reasons = new TreeMap<>();
            report.notMeasured().forEach(n -> reasons.merge(n.reason(), 1L, Long::sum));
            reasons.forEach((reason, n) -> log.warn(
                    "m1go: " + Plural.of(n, "cell") + " not measured (no outcome, no " + "verdict): " + reason));
        }
        log.info("m1go: " + Plural.of(report.cells().size(), "cell") + "; reports in " + directory + ": "
                + String.join(
                        ", ",
                        dev.m1go.report.Reports.all().stream()
                                .map(dev.m1go.report.ReportFormat::file)
                                .toList()));
    }
}
