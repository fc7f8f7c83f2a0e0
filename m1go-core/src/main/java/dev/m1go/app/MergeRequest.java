package dev.m1go.app;

import dev.m1go.reproduce.Publish;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code m1go:merge} is asked to do.
 *
 * @param inputs          {@code m1go.inputs}: report.json files and directories searched for them, relative to the
 *                        context's working directory
 * @param outputDirectory where the merged reports go; {@code null}: {@link Defaults#OUTPUT_DIRECTORY} below the
 *                        working directory
 * @param publish         baseline, {@code m1go.failOn} (default {@link Defaults#MERGE_FAIL_ON}), issue body, reports
 *                        directory; merge reads no {@code m1go.failOnRegression}
 */
public record MergeRequest(List<String> inputs, Path outputDirectory, Publish.Settings publish) {
    public MergeRequest {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }
}
