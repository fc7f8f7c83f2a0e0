package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m1go:inspect} driven through {@code execute()} with its parameters set as Maven would set them. */
class InspectMojoTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final RecordingLog mavenLog = new RecordingLog();

    private InspectMojo mojo(File path, String target) {
        InspectMojo mojo = new InspectMojo();
        mojo.path = path;
        mojo.target = target;
        mojo.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        mojo.setLog(mavenLog);
        return mojo;
    }

    /** A minimal 64-bit little-endian ELF header of an aarch64 relocatable object. */
    private static byte[] arm64Object() {
        byte[] b = new byte[64];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2;
        b[5] = 1;
        b[6] = 1;
        b[16] = 1;
        b[18] = (byte) 183;
        return b;
    }

    @Test
    void directoryOfMixedFiles_oneJsonLineEach_tableInTheLog_findingsForTheTarget(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("foo.o"), arm64Object());
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/readme.txt"), "not a binary\n");
        mojo(dir.toFile(), "linux/amd64").execute();
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .startsWith("{\"file\":\"foo.o\",\"format\":\"ELF\",\"machine\":\"arm64\",")
                .contains("\"type\":\"REL\"")
                .contains("\"findings\":[\"foo.o is arm64 code; this build targets x86_64: rebuild it for x86_64 or "
                        + "point CGO_LDFLAGS at the x86_64 prefix\"]");
        assertThat(lines[1]).startsWith("{\"file\":\"sub/readme.txt\",\"format\":\"unknown\"");
        assertThat(mavenLog.infos)
                .anySatisfy(l -> assertThat(l).startsWith("file").contains("machine"));
        assertThat(mavenLog.infos).contains("Findings:");
    }

    @Test
    void unreadableFile_failsAfterTheOthers_namingFileAndParameter(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.o"), arm64Object());
        Path secret = Files.writeString(dir.resolve("b.bin"), "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as a user who reads all");
        assertThatThrownBy(() -> mojo(dir.toFile(), null).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("b.bin")
                .hasMessageContaining("m1go.path");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\"file\":\"a.o\"");
    }

    @Test
    void missingPath_andBadTarget_nameTheParameter(@TempDir Path dir) {
        assertThatThrownBy(() -> mojo(dir.resolve("nope").toFile(), null).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("m1go.path");
        assertThatThrownBy(() -> mojo(dir.toFile(), "sparc").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("m1go.target");
    }

    @Test
    void skip_logsOneSentence(@TempDir Path dir) throws Exception {
        InspectMojo mojo = mojo(dir.resolve("nope").toFile(), null);
        mojo.skip = true;
        mojo.execute();
        assertThat(mavenLog.infos).containsExactly("Skipping m1go:inspect because m1go.skip is true.");
    }
}
