package dev.m1go.maven;

import dev.m1go.report.Report;
import dev.m1go.reproduce.MergeReports;
import dev.m1go.reproduce.Publish;
import dev.m1go.core.UserError;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges report.json files from several machines or runs into one report (the host becomes one more column) and
 * writes report.json, report.md, TEST-m1go.xml and report.html. Needs no project.
 */
@Mojo(name = "merge", requiresProject = false, threadSafe = true)
public final class MergeMojo extends AbstractM1goMojo {

    /**
     * A directory searched for report.json files, or a comma list of report.json files (and directories).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INPUTS)
    String inputs;

    /**
     * Where the merged reports go.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/m1go")
    File outputDirectory;

    /**
     * Where TEST-m1go.xml also goes, for CI tools that read JUnit XML from one directory (for example
     * {@code ${project.build.directory}/surefire-reports}). Default: only the report directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPORTS_DIRECTORY)
    File reportsDirectory;

    /**
     * A previous (merged) report.json: each failing cell is marked new, known or fixed.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BASELINE)
    File baseline;

    /**
     * When to fail: {@code regression}, {@code new} (with {@code m1go.baseline}), or {@code never} (merge only
     * reports by default).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON, defaultValue = "never")
    String failOn;

    /**
     * Print the merged report.md to standard output, for pasting into an issue.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ISSUE_BODY, defaultValue = "false")
    boolean issueBody;

    /**
     * Skips m1go:merge only (other goals still run).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MERGE_SKIP, defaultValue = "false")
    boolean mergeSkip;

    @Override
    String skippedBy() {
        String all = super.skippedBy();
        return all != null ? all : mergeSkip ? PropertyNames.MERGE_SKIP : null;
    }

    @Override
    String goal() {
        return "merge";
    }

    /** What {@code m1go.inputs} and {@code m1go.outputDirectory} configure. */
    record MergeSettings(List<String> inputs, Path outputDirectory) {
    }

    @Override
    List<Record> settings(Map<String, String> environment, Path home) {
        return List.of(new MergeSettings(list(inputs), reportDirectory(outputDirectory)),
                new Publish.Settings(baseline == null ? null : baseline.toPath(), failOn, true, issueBody,
                        reportsDirectory == null ? null : reportsDirectory.toPath()));
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<Record> settings = settings(System.getenv(), home());
        MergeSettings merging = (MergeSettings) settings.get(0);
        Path out = merging.outputDirectory();
        MavenLog log = engineLog();
        Publish publish = new Publish(System.getenv(), System.out, log);
        MergeReports merge = new MergeReports(log);
        Publish.Published published;
        try {
            Publish.Plan plan = publish.prepare((Publish.Settings) settings.get(1));
            List<Path> files = merge.inputs(merging.inputs(), Path.of("").toAbsolutePath(), out);
            Report merged = merge.merge(files, out, "m1go-maven-plugin merge", r -> publish.compare(plan, r));
            published = publish.publish(plan, merged, out);
        } catch (UserError e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("m1go could not merge into " + out + ": " + e, e);
        }
        if (!published.failing().isEmpty()) {
            throw new MojoFailureException(Publish.failureMessage(published, out, false));
        }
    }
}
