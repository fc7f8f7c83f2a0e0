package dev.m1go.maven;

import dev.m1go.app.Context;
import dev.m1go.app.Defaults;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.MergeRequest;
import dev.m1go.app.MergeResult;
import dev.m1go.app.MergeUseCase;
import dev.m1go.core.UserError;
import dev.m1go.reproduce.Publish;
import dev.m1go.settings.PropertyNames;
import java.io.File;
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
    @Parameter(property = PropertyNames.FAIL_ON, defaultValue = Defaults.MERGE_FAIL_ON)
    String failOn;

    /**
     * Print the merged report.md to standard output, for pasting into an issue.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ISSUE_BODY, defaultValue = Defaults.FALSE)
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

    @Override
    MergeRequest request(Context context) {
        return new MergeRequest(
                list(inputs),
                reportDirectory(outputDirectory),
                new Publish.Settings(path(baseline), failOn, true, issueBody, path(reportsDirectory)));
    }

    @Override
    void run(Context context) throws MojoExecutionException, MojoFailureException {
        MergeResult result;
        try {
            result = new MergeUseCase(context).run(request(context));
        } catch (UserError | EnvironmentError e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (result.failed()) {
            throw new MojoFailureException(result.failure());
        }
    }
}
