package dev.m1go.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every m1go goal shares: {@code m1go.skip}. */
abstract class AbstractM1goMojo extends AbstractMojo {

    /** Skips every m1go goal. */
    @Parameter(property = "m1go.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping m1go:" + goal() + " because m1go.skip is true.");
            return;
        }
        run();
    }

    abstract String goal();

    abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * The report directory. Run without a project (Maven's stand-in pom), {@code ${project.build.directory}} stays
     * unresolved; the directory is then {@code target/m1go} below the current directory, as in a project.
     */
    static Path reportDirectory(File configured) {
        if (configured == null || configured.getPath().contains("${")) {
            return Path.of("").toAbsolutePath().resolve("target").resolve("m1go");
        }
        return configured.toPath();
    }

    /** A comma list property as a list; empty for null or blank. */
    static List<String> list(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
