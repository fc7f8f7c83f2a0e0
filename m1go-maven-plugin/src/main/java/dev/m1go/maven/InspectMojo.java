package dev.m1go.maven;

import dev.m1go.binary.BinaryInspector;
import dev.m1go.host.Arch;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** What {@code m1go.path} and {@code m1go.target} configure. */
    record InspectSettings(Path path, String target) {
    }

    @Override
    List<Record> settings(Map<String, String> environment, Path home) {
        return List.of(new InspectSettings(path == null ? null : path.toPath(), target));
    }

    @Override
    void run() throws MojoExecutionException {
        InspectSettings s = (InspectSettings) settings(System.getenv(), home()).get(0);
        File path = s.path() == null ? null : s.path().toFile();
        String target = s.target();
        if (path == null) {
            throw new MojoExecutionException("No file given: set -Dm1go.path=<file or directory>.");
        }
        Arch arch = null;
        if (target != null && !target.isBlank()) {
            String name = target.substring(target.lastIndexOf('/') + 1);
            arch = Arch.parse(name).orElseThrow(() -> new MojoExecutionException("Invalid m1go.target '" + target
                    + "': give an architecture such as arm64, amd64, x86_64 or linux/arm64."));
        }
        BinaryInspector.Inspection result;
        try {
            result = BinaryInspector.inspectAll(path.toPath(), arch, f -> out.println(BinaryInspector.json(f)));
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("The path " + path + " (m1go.path) does not exist.");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list " + path + " (m1go.path): " + e.getMessage(), e);
        }
        out.flush();
        BinaryInspector.table(result.facts()).lines().forEach(getLog()::info);
        List<String> unreadable = result.unreadable();
        if (!unreadable.isEmpty()) {
            throw new MojoExecutionException("Cannot read " + unreadable.size() + " file(s) under " + path
                    + " (m1go.path): " + String.join("; ", unreadable));
        }
    }
}
