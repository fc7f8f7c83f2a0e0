package dev.m1go.maven;

import dev.m1go.app.ClassifyRequest;
import dev.m1go.app.ClassifyUseCase;
import dev.m1go.app.Context;
import dev.m1go.app.EnvironmentError;
import dev.m1go.core.UserError;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.io.PrintStream;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Classifies saved crash logs (from a bug report, a CI job, a pasted terminal) without a project: for each file it
 * prints one line of JSON to standard output with {@code file}, {@code outcome}, {@code signal}, {@code inCgo},
 * {@code signature}, {@code summary}, {@code header} and {@code frames}.
 */
@Mojo(name = "classify", requiresProject = false, threadSafe = true)
public final class ClassifyMojo extends AbstractM1goMojo {

    /**
     * A log file, a directory whose regular files are classified in name order, or {@code -} for a log piped into
     * standard input.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOG, required = true)
    File log;

    /**
     * {@code darwin} or {@code linux}; default: the log's {@code # os:} header, a guess from the text, the host.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OS)
    String os;

    /** Where the JSON lines go; standard output unless a test replaces it. */
    PrintStream out = System.out;

    /**
     * Skips m1go:classify only (other goals still run).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CLASSIFY_SKIP, defaultValue = "false")
    boolean classifySkip;

    @Override
    String skippedBy() {
        String all = super.skippedBy();
        return all != null ? all : classifySkip ? PropertyNames.CLASSIFY_SKIP : null;
    }

    @Override
    String goal() {
        return "classify";
    }

    @Override
    ClassifyRequest request(Context context) {
        return new ClassifyRequest(path(log), os);
    }

    @Override
    void run(Context context) throws MojoExecutionException {
        List<String> lines;
        try {
            lines = new ClassifyUseCase(context, System.in).run(request(context));
        } catch (UserError | EnvironmentError e) {
            throw new MojoExecutionException(e.getMessage());
        }
        lines.forEach(out::println);
        out.flush();
    }
}
