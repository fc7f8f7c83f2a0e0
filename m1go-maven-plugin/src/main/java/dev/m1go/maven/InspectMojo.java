package dev.m1go.maven;

import dev.m1go.app.Context;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.InspectRequest;
import dev.m1go.app.InspectResult;
import dev.m1go.app.InspectUseCase;
import dev.m1go.core.UserError;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.io.PrintStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Says what binaries, shared libraries, object files and static archives really are, read from their own bytes,
 * without a project: one line of JSON per file on standard output, then a readable table and the findings (an
 * archive that mixes architectures, a file built for another architecture than {@code m1go.target}). Fails only
 * when a file cannot be read.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public final class InspectMojo extends AbstractM1goMojo {

    /**
     * A file, or a directory whose regular files (and those of its subdirectories) are inspected in path order.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PATH, required = true)
    File path;

    /**
     * The architecture the files should be for ({@code arm64}, {@code x86_64}, {@code linux/arm64}); optional.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TARGET)
    String target;

    /**
     * Skips m1go:inspect only (other goals still run).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INSPECT_SKIP, defaultValue = "false")
    boolean inspectSkip;

    /** Where the JSON lines go; standard output unless a test replaces it. */
    PrintStream out = System.out;

    @Override
    String skippedBy() {
        String all = super.skippedBy();
        return all != null ? all : inspectSkip ? PropertyNames.INSPECT_SKIP : null;
    }

    @Override
    String goal() {
        return "inspect";
    }

    @Override
    InspectRequest request(Context context) {
        return new InspectRequest(path(path), target);
    }

    @Override
    void run(Context context) throws MojoExecutionException {
        InspectResult result;
        try {
            result = new InspectUseCase(context).run(request(context), out::println);
        } catch (UserError | EnvironmentError e) {
            throw new MojoExecutionException(e.getMessage());
        } finally {
            out.flush();
        }
        result.table().lines().forEach(getLog()::info);
        if (result.failed()) {
            throw new MojoExecutionException(result.failure());
        }
    }
}
