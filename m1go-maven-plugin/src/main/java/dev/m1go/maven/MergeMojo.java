package dev.m1go.maven;

import dev.m1go.report.Report;
import dev.m1go.reproduce.MergeReports;
import dev.m1go.reproduce.Publish;
import dev.m1go.core.UserError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /** A directory searched for report.json files, or a comma list of report.json files (and directories). */
    @Parameter(property = "m1go.inputs")
    String inputs;

    /** Where the merged reports go. */
    @Parameter(property = "m1go.outputDirectory", defaultValue = "${project.build.directory}/m1go")
    File outputDirectory;

    /** A previous (merged) report.json: each failing cell is marked new, known or fixed. */
    @Parameter(property = "m1go.baseline")
    File baseline;

    /** When to fail: {@code regression}, {@code new} (with {@code m1go.baseline}), or {@code never} (merge only
     * reports by default). */
    @Parameter(property = "m1go.failOn", defaultValue = "never")
    String failOn;

    /** Print the merged report.md to standard output, for pasting into an issue. */
    @Parameter(property = "m1go.issueBody", defaultValue = "false")
    boolean issueBody;

    @Override
    String goal() {
        return "merge";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Path out = reportDirectory(outputDirectory);
        MavenLog log = new MavenLog(getLog());
        Publish publish = new Publish(System.getenv(), System.out, log);
        MergeReports merge = new MergeReports(log);
        Publish.Published published;
        try {
            Publish.Plan plan = publish.prepare(new Publish.Settings(baseline == null ? null : baseline.toPath(),
                    failOn, true, issueBody));
            List<Path> files = merge.inputs(list(inputs), Path.of("").toAbsolutePath(), out);
            Report merged = merge.merge(files, out, "m1go-maven-plugin merge");
            published = publish.publish(plan, merged, out);
        } catch (UserError e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("m1go could not merge into " + out + ": " + e, e);
        }
        if (!published.failing().isEmpty()) {
            throw new MojoFailureException(Publish.failureMessage(published, out));
        }
    }
}
