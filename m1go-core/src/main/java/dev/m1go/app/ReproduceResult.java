package dev.m1go.app;

import dev.m1go.report.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code m1go:reproduce} measured and wrote.
 *
 * @param report    the report as written
 * @param directory where every report format and log went
 * @param reports   the report files written, the copy in {@code m1go.reportsDirectory} included
 * @param warnings  what a user should read although it does not fail the run: flaky cells, cells that contradict
 *                  their expectation under an {@code m1go.failOn} that does not fail on them
 * @param failure   why the run fails ({@code m1go.failOn}), naming the cells; {@code null} when it does not
 */
public record ReproduceResult(
        Report report, Path directory, List<Path> reports, List<String> warnings, String failure) {
    public ReproduceResult {
        reports = List.copyOf(reports);
        warnings = List.copyOf(warnings);
    }

    public boolean failed() {
        return failure != null;
    }
}
