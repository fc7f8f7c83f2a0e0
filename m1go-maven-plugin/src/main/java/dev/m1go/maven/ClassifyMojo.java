package dev.m1go.maven;

import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.LogClassification;
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
 * Classifies saved crash logs (from a bug report, a CI job, a pasted terminal) without a project: for each file it
 * prints one line of JSON to standard output with {@code file}, {@code outcome}, {@code signal}, {@code inCgo},
 * {@code signature}, {@code summary}, {@code header} and {@code frames}.
 */
@Mojo(name = "classify", requiresProject = false, threadSafe = true)
public final class ClassifyMojo extends AbstractM1goMojo {

    /**
     * A log file, or a directory whose regular files are classified in name order.
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

    /** What {@code m1go.log} and {@code m1go.os} configure. */
    record ClassifySettings(Path log, String os) {
    }

    @Override
    List<Record> settings(Map<String, String> environment, Path home) {
        return List.of(new ClassifySettings(log == null ? null : log.toPath(), os));
    }

    @Override
    void run() throws MojoExecutionException {
        ClassifySettings s = (ClassifySettings) settings(System.getenv(), home()).get(0);
        Path log = s.log();
        String os = s.os();
        if (log == null) {
            throw new MojoExecutionException("No log given: set -Dm1go.log=<file or directory>.");
        }
        if (os != null && !LogClassification.OPERATING_SYSTEMS.contains(os)) {
            throw new MojoExecutionException("Invalid m1go.os '" + os + "': accepted values are "
                    + String.join(", ", LogClassification.OPERATING_SYSTEMS) + ".");
        }
        LogClassification logic = new LogClassification(new GoCrashClassifier(),
                LogClassification.osOf(System.getProperty("os.name")));
        List<String> lines;
        try {
            lines = logic.jsonLines(log, os);
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("The log " + log + " (m1go.log) does not exist.");
        } catch (LogClassification.LogTooLargeException e) {
            throw new MojoExecutionException("m1go.log: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the log " + log + " (m1go.log): " + e.getMessage(), e);
        }
        lines.forEach(out::println);
        out.flush();
    }
}
