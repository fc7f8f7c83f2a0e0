package dev.m1go.reproduce;

import dev.m1go.classify.Verdict;
import dev.m1go.core.Log;
import dev.m1go.core.Plural;
import dev.m1go.core.UserError;
import dev.m1go.matrix.CellResult;
import dev.m1go.report.Comparison;
import dev.m1go.report.FailureCause;
import dev.m1go.report.JUnitReport;
import dev.m1go.report.JsonReport;
import dev.m1go.report.MarkdownReport;
import dev.m1go.report.Report;
import dev.m1go.settings.PropertyNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happens to a finished report: comparison with a baseline ({@code m1go.baseline}), the Markdown on standard
 * output ({@code m1go.issueBody}) and in the GitHub Actions step summary ({@code GITHUB_STEP_SUMMARY}), and which
 * cells fail the build ({@code m1go.failOn}). Settings are checked by {@link #prepare} before anything runs.
 */
public final class Publish {

    public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
    /** How many failing cells a failure message quotes with their cause and log. */
    static final int MAX_CAUSES = 20;

    private final Map<String, String> environment;
    private final PrintStream stdout;
    private final Log log;

    public Publish(Map<String, String> environment, PrintStream stdout, Log log) {
        this.environment = Map.copyOf(environment);
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The publishing settings.
     *
     * @param baseline         a previous report.json, or {@code null}
     * @param failOn           {@code regression}, {@code new}, {@code never} (blank: {@code defaultFailOn})
     * @param failOnRegression false turns failing off whatever {@code failOn} says
     * @param issueBody        print report.md to standard output
     * @param reportsDirectory where TEST-m1go.xml also goes ({@code m1go.reportsDirectory}), or {@code null}
     */
    public record Settings(
            Path baseline, String failOn, boolean failOnRegression, boolean issueBody, Path reportsDirectory) {
        public Settings(Path baseline, String failOn, boolean failOnRegression, boolean issueBody) {
            this(baseline, failOn, failOnRegression, issueBody, null);
        }
    }

    /** Checked settings, the baseline read. */
    public record Plan(
            FailOn failOn, Report baseline, String baselineSource, boolean issueBody, Path reportsDirectory) {}

    /** The report as published and the cells that fail the build under {@code m1go.failOn}. */
    public record Published(Report report, FailOn failOn, List<CellResult> failing) {
        public Published {
            failing = List.copyOf(failing);
        }
    }

    public Plan prepare(Settings s) throws UserError, IOException {
        FailOn failOn = FailOn.of(s.failOn(), s.failOnRegression());
        Report baseline = null;
        if (s.baseline() != null) {
            if (Files.isDirectory(s.baseline())) {
                throw new UserError("m1go.baseline: " + s.baseline() + " is a directory, not a file; give the "
                        + "report.json of an earlier run");
            }
            if (!Files.isRegularFile(s.baseline())) {
                throw new UserError("m1go.baseline: " + s.baseline() + " does not exist; give the report.json of an "
                        + "earlier run");
            }
            try {
                baseline = JsonReport.read(s.baseline());
            } catch (JsonReport.ReportFormatException e) {
                throw new UserError("m1go.baseline: " + e.getMessage());
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new UserError(
                        "m1go.baseline: " + s.baseline() + " is not an m1go report: " + e.getOriginalMessage());
            }
        }
        return new Plan(
                failOn,
                baseline,
                s.baseline() == null ? null : s.baseline().toString(),
                s.issueBody(),
                s.reportsDirectory());
    }

    /**
     * The report compared with the plan's baseline, if it has one. Apply this before the report is written, so that
     * every format is written once, with the comparison.
     */
    public Report compare(Plan plan, Report report) {
        if (plan.baseline() == null) {
            return report;
        }
        return report.withBaseline(Comparison.of(report, plan.baseline(), plan.baselineSource()));
    }

    /**
     * Publishes a report whose formats are written in {@code directory} (after {@link #compare}): logs the
     * comparison, copies TEST-m1go.xml to {@code m1go.reportsDirectory}, prints report.md ({@code m1go.issueBody})
     * and appends it to the step summary, and names the cells that fail the build. Nothing is rendered again.
     */
    public Published publish(Plan plan, Report report, Path directory) throws IOException {
        if (plan.baseline() != null && report.baseline() == null) {
            throw new IllegalArgumentException("the report was written without its baseline comparison: "
                    + "pass it through Publish.compare before writing it");
        }
        if (report.baseline() != null) {
            Map<String, Integer> n = report.baseline().counts();
            log.info("m1go: compared with " + plan.baselineSource() + ": " + n.get(Comparison.NEW) + " new, "
                    + n.get(Comparison.KNOWN) + " known, " + n.get(Comparison.FIXED) + " fixed");
        }
        if (plan.reportsDirectory() != null
                && !plan.reportsDirectory()
                        .toAbsolutePath()
                        .normalize()
                        .equals(directory.toAbsolutePath().normalize())) {
            JUnitReport.copy(directory, plan.reportsDirectory());
            log.info("m1go: " + JUnitReport.FILE + " also in " + plan.reportsDirectory() + " ("
                    + PropertyNames.REPORTS_DIRECTORY + ")");
        }
        String summary = environment.get(STEP_SUMMARY);
        boolean toSummary = summary != null && !summary.isBlank();
        String md = plan.issueBody() || toSummary
                ? Files.readString(directory.resolve(MarkdownReport.FILE), StandardCharsets.UTF_8)
                : null;
        if (plan.issueBody()) {
            stdout.print(md);
            stdout.flush();
        }
        if (toSummary) {
            try {
                Files.writeString(
                        Path.of(summary),
                        md + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                log.info("m1go: appended report.md to the step summary " + summary + " (" + STEP_SUMMARY + ")");
            } catch (IOException | java.nio.file.InvalidPathException e) {
                log.warn("m1go: could not append report.md to the step summary " + summary + " (" + STEP_SUMMARY + "): "
                        + e + "; the reports in " + directory + " are complete");
            }
        }
        return new Published(report, plan.failOn(), failing(report, plan.failOn()));
    }

    /**
     * The cells that fail the build: unexpected ones; with {@code new}, only those whose failure is new (and cells
     * whose failure rate rose significantly since the baseline, whatever their verdict); with
     * {@code translation-only}, the translated cells of translation-only differentials that are not expected.
     */
    static List<CellResult> failing(Report r, FailOn failOn) {
        Map<String, String> status =
                r.baseline() == null ? Map.of() : r.baseline().statusByCell();
        java.util.Set<String> rateRises = r.baseline() == null
                ? java.util.Set.of()
                : r.baseline().changes().stream()
                        .filter(ch -> Comparison.NEW.equals(ch.status()) && ch.pValue() != null)
                        .map(Comparison.Change::cell)
                        .collect(java.util.stream.Collectors.toSet());
        return switch (failOn) {
            case NEVER -> List.of();
            case REGRESSION ->
                r.cells().stream()
                        .filter(c -> c.verdict() == Verdict.UNEXPECTED)
                        .toList();
            case NEW ->
                r.cells().stream()
                        .filter(c -> rateRises.contains(c.key().id())
                                || c.verdict() == Verdict.UNEXPECTED
                                        && (r.baseline() == null
                                                || Comparison.NEW.equals(
                                                        status.get(c.key().id()))))
                        .toList();
            case TRANSLATION_ONLY -> {
                java.util.Set<String> keys = dev.m1go.report.Differential.translationOnly(r.differentials()).stream()
                        .map(d -> d.cell().key())
                        .collect(java.util.stream.Collectors.toSet());
                yield r.cells().stream()
                        .filter(c -> c.verdict() != Verdict.EXPECTED)
                        .filter(c -> keys.contains(c.key().id()))
                        .toList();
            }
        };
    }

    /** The failure message of {@code m1go:reproduce}, which reads both {@code m1go.failOn} and {@code m1go.failOnRegression}. */
    public static String failureMessage(Published p, Path directory) {
        return failureMessage(p, directory, true);
    }

    /**
     * The failure message: the failing cells and the property that turns failing off.
     *
     * @param readsFailOnRegression whether the goal reads {@code m1go.failOnRegression} ({@code m1go:merge} does not:
     *                              naming it would send the user to a switch that does nothing there)
     */
    public static String failureMessage(Published p, Path directory, boolean readsFailOnRegression) {
        int n = p.failing().size();
        StringBuilder m = new StringBuilder(Plural.of(n, "cell")
                + (p.failOn() == FailOn.TRANSLATION_ONLY
                        ? (n == 1 ? " fails" : " fail") + " only under translation"
                        : (n == 1 ? " contradicts its" : " contradict their") + " case's expectation")
                + (p.failOn() == FailOn.NEW ? " with a failure that is new since the baseline" : "")
                + " (reports: " + directory + "):");
        int shown = 0;
        for (CellResult c : p.failing()) {
            m.append("\n  ")
                    .append(c.key().titleWithHost(p.report().hostArchOf(c)))
                    .append(": expected ")
                    .append(c.expected())
                    .append(", got ")
                    .append(c.outcome())
                    .append(c.signal() == null ? "" : " " + c.signal());
            if (shown++ < MAX_CAUSES) {
                String cause = FailureCause.of(directory, c);
                Path log = FailureCause.log(directory, c);
                if (cause != null) {
                    m.append("\n      ").append(cause);
                }
                if (log != null) {
                    m.append("\n      log: ").append(log);
                }
            }
        }
        if (shown > MAX_CAUSES) {
            m.append("\n  (causes and logs of the first ")
                    .append(MAX_CAUSES)
                    .append(" cells; report.md has every one)");
        }
        m.append("\nSet " + PropertyNames.FAIL_ON + "=never"
                + (readsFailOnRegression ? " (or " + PropertyNames.FAIL_ON_REGRESSION + "=false)" : "")
                + " to report without failing");
        if (p.failOn() == FailOn.REGRESSION) {
            m.append(", or m1go.failOn=new with m1go.baseline=<previous report.json> to fail only on new failures");
        }
        return m.append('.').toString();
    }
}
