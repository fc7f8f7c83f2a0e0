package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m1go:classify} driven through {@code execute()} with its parameters set as Maven would set them. */
class ClassifyMojoTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final RecordingLog mavenLog = new RecordingLog();
    private final List<String> infos = mavenLog.infos;

    private ClassifyMojo mojo(File log, String os, boolean skip) {
        ClassifyMojo mojo = new ClassifyMojo();
        mojo.log = log;
        mojo.os = os;
        mojo.skip = skip;
        mojo.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        mojo.setLog(mavenLog);
        return mojo;
    }

    @Test
    void printsOneJsonLinePerFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.log"), "qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1': x\n");
        Files.writeString(dir.resolve("b.log"), "fatal error: all goroutines are asleep - deadlock!\n");
        mojo(dir.toFile(), null, false).execute();
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"file\":\"a.log\",\"outcome\":\"EXEC_REFUSED\"");
        assertThat(lines[1]).startsWith("{\"file\":\"b.log\",\"outcome\":\"GO_FATAL\"");
        assertThat(infos).isEmpty();
    }

    @Test
    void skip_logsOneSentenceAndPrintsNothing(@TempDir Path dir) throws Exception {
        mojo(dir.resolve("missing.log").toFile(), null, true).execute();
        assertThat(infos).containsExactly("Skipping m1go:classify because m1go.skip is true.");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void missingLog_errorNamesFileAndParameter(@TempDir Path dir) throws Exception {
        ClassifyMojo mojo = mojo(dir.resolve("missing.log").toFile(), null, false);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("missing.log")
                .hasMessageContaining("m1go.log");
    }

    @Test
    void invalidOs_errorNamesParameterAndAcceptedValues(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.log"), "x\n");
        ClassifyMojo mojo = mojo(dir.toFile(), "windows", false);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("m1go.os")
                .hasMessageContaining("darwin, linux");
    }

    @Test
    void osParameter_decidesSignalNumbers(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("a.log"),
                "fatal error: unexpected signal during runtime execution\n"
                        + "[signal 0xa code=0x2 addr=0x1 pc=0x2]\n");
        mojo(dir.toFile(), "darwin", false).execute();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\"signal\":\"SIGBUS\"");
    }
}
