package dev.m1go.app;

import dev.m1go.report.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * The merged report.
 *
 * @param failure why the merge fails under {@code m1go.failOn}, naming the cells; {@code null} when it does not
 */
public record MergeResult(Report report, Path directory, List<Path> reports, String failure) {
    public MergeResult {
        reports = List.copyOf(reports);
    }

    public boolean failed() {
        return failure != null;
    }
}
