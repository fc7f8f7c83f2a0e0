package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceMojoTest {

    @TempDir
    Path dir;

    /** As Maven injects {@code -Dm1go.args=a,,end}: the empty element arrives as null. */
    private ReproduceMojo withArgs(File module) {
        ReproduceMojo mojo = new ReproduceMojo();
        mojo.setLog(new RecordingLog());
        mojo.outputDirectory = dir.resolve("out").toFile();
        mojo.module = module;
        mojo.args = Arrays.asList("a", null, "end");
        return mojo;
    }

    @Test
    void args_withAnEmptyElement_inCaseMode_isExecutionErrorNamingTheParameterAndPosition() {
        assertThatThrownBy(() -> withArgs(null).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("m1go.args has an empty element at position 2 of 3");
    }

    @Test
    void args_withAnEmptyElement_inModuleMode_isExecutionErrorNamingTheParameterAndPosition() {
        assertThatThrownBy(() -> withArgs(dir.toFile()).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("m1go.args has an empty element at position 2 of 3");
    }
}
