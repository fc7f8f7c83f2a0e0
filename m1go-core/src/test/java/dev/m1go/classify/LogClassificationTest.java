package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logic of {@code m1go:classify}: file listing, OS choice, one JSON line per file. */
class LogClassificationTest {

    private final LogClassification logic = new LogClassification(new GoCrashClassifier(), "linux");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void directory_everyRegularFileSortedByName_oneJsonLineEach(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.log"), "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x.go:1 +0x1\n");
        Files.writeString(dir.resolve("a.log"), "Segmentation fault (core dumped)\n");
        Files.createDirectory(dir.resolve("sub"));
        List<String> lines = logic.jsonLines(dir, null);
        assertThat(lines).hasSize(2);
        JsonNode a = json.readTree(lines.get(0));
        JsonNode b = json.readTree(lines.get(1));
        assertThat(a.get("file").asText()).isEqualTo("a.log");
        assertThat(a.get("outcome").asText()).isEqualTo("KILLED");
        assertThat(a.get("signal").asText()).isEqualTo("SIGSEGV");
        assertThat(b.get("file").asText()).isEqualTo("b.log");
        assertThat(b.get("outcome").asText()).isEqualTo("GO_PANIC");
        assertThat(b.get("signal").isNull()).isTrue();
        assertThat(b.get("inCgo").asBoolean()).isFalse();
        assertThat(b.get("signature").asText()).isEqualTo("GO_PANIC boom | main.main");
        assertThat(b.get("summary").asText()).isEqualTo("panic: boom in main.main");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
    }

    @Test
    void jsonLine_fieldOrderIsFixed() {
        String line = LogClassification.jsonLine("x.log", Classification.of(Outcome.KILLED, "SIGBUS", "died"));
        assertThat(line)
                .startsWith("{\"file\":\"x.log\",\"outcome\":\"KILLED\",\"signal\":\"SIGBUS\",\"inCgo\":false,"
                        + "\"signature\":\"KILLED SIGBUS\",\"summary\":\"died\"");
    }

    @Test
    void fixtureDirectory_classifiesLikeTheTableTest() throws IOException {
        List<String> lines = logic.jsonLines(Fixtures.directory(), null);
        List<Fixtures.Fixture> fixtures = Fixtures.all();
        assertThat(lines).hasSize(fixtures.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertThat(n.get("file").asText()).isEqualTo(fixtures.get(i).name() + ".log");
            assertThat(n.get("outcome").asText())
                    .as(n.get("file").asText())
                    .isEqualTo(fixtures.get(i).expectedOutcome());
        }
    }

    @Test
    void missingPath_namesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.log");
        assertThatThrownBy(() -> logic.jsonLines(missing, null))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.log");
    }

    @Test
    void unreadableFile_namesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret.log"), "panic: x\n");
        boolean madeUnreadable = file.toFile().setReadable(false, false) && !Files.isReadable(file);
        org.junit.jupiter.api.Assumptions.assumeTrue(madeUnreadable, "running as a user that reads everything");
        assertThatThrownBy(() -> logic.jsonLines(file, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("secret.log");
    }

    @Test
    void os_overrideThenHeaderThenGuessThenHost() {
        String darwinish = "dyld[12]: missing LC_UUID load command in /Users/me/x\nzsh: abort ./x\n";
        LogFile noHeader = LogFile.parse("[signal 0xa code=0x2 addr=0x1 pc=0x2]\n");
        assertThat(logic.osFor(noHeader, "darwin")).isEqualTo("darwin");
        assertThat(logic.osFor(LogFile.parse("# os: darwin\nhello\n"), null)).isEqualTo("darwin");
        assertThat(logic.osFor(LogFile.parse(darwinish), null)).isEqualTo("darwin");
        assertThat(logic.osFor(noHeader, null)).isEqualTo("linux");
        assertThat(new LogClassification(new GoCrashClassifier(), "darwin").osFor(noHeader, null))
                .isEqualTo("darwin");
        assertThat(LogClassification.guessOs("/usr/bin/ld: x: file in wrong format\ncollect2: error", "darwin"))
                .isEqualTo("linux");
    }

    @Test
    void os_invalidValueNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> LogClassification.requireOs("windows"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("darwin, linux");
        assertThat(LogClassification.osOf("Mac OS X")).isEqualTo("darwin");
        assertThat(LogClassification.osOf("Linux")).isEqualTo("linux");
    }

    @Test
    void logFile_headerStopsAtFirstOtherLine_keepsCommandLineArguments() {
        LogFile f = LogFile.parse("# phase: build\n# exit: 2\n# command-line-arguments\n./x.go:1:1: bad\n");
        assertThat(f.header("phase")).isEqualTo("build");
        assertThat(f.body()).startsWith("# command-line-arguments\n");
        assertThat(f.toEvidence("linux").exitCode()).isEqualTo(2);
        assertThat(f.toEvidence("linux").phase()).isEqualTo(Phase.BUILD);
    }

    @Test
    void pastedBuildLogs_withoutHeaders_getTheBuildPhaseRules(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("1-arch.log"),
                "# command-line-arguments\n"
                        + "/usr/lib/go-1.19/pkg/tool/linux_amd64/link: running gcc failed: exit status 1\n"
                        + "/usr/bin/ld: /tmp/x/libfoo.a(foo.o): Relocations in generic ELF (EM: 183)\n"
                        + "/usr/bin/ld: /tmp/x/libfoo.a: error adding symbols: file in wrong format\n"
                        + "collect2: error: ld returned 1 exit status\n");
        Files.writeString(
                dir.resolve("2-link.log"),
                "# example.com/m\n"
                        + "/usr/bin/ld: cannot find -lzmq: No such file or directory\n"
                        + "collect2: error: ld returned 1 exit status\n");
        Files.writeString(dir.resolve("3-compile.log"), "# example.com/m\n./main.go:6:14: undefined: C.nope\n");
        Files.writeString(dir.resolve("4-run.log"), "error: could not open config\n");
        List<String> outcomes = logic.jsonLines(dir, null).stream()
                .map(l -> {
                    try {
                        return json.readTree(l).get("outcome").asText();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(outcomes).containsExactly("LINK_ARCH_MISMATCH", "LINK_ERROR", "BUILD_ERROR", "EXIT_NONZERO");
    }

    @Test
    void phase_crashReportWithLinkerWordsInItsOutput_staysARun() {
        String run =
                "/usr/bin/ld: cannot find -lfoo\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x.go:1 +0x1\n";
        assertThat(BuildLogPhase.of(run, "linux")).isEqualTo(Phase.RUN);
        assertThat(logic.classify(run, null).outcome()).isEqualTo(Outcome.GO_PANIC);
    }

    @Test
    void endlessInput_stopsAtTheLimit_namingTheFile() {
        dev.m1go.testing.HostComponents.onlyOn(Files.exists(Path.of("/dev/zero")), "a Unix host (/dev/zero)");
        assertThatThrownBy(() -> LogClassification.read(Path.of("/dev/zero")))
                .isInstanceOf(LogClassification.LogTooLargeException.class)
                .hasMessageStartingWith("/dev/zero is larger than 1024 MiB, the most m1go:classify reads");
    }

    @Test
    void largeLog_keepsItsHeaderAndTheCrashAtTheEnd(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("big.log");
        try (var out = Files.newOutputStream(log)) {
            out.write("# os: linux\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] filler = "filler line of a chatty program\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < 1_000_000; i++) {
                out.write(filler);
            }
            out.write("SIGSEGV: segmentation violation\nPC=0x0 m=0 sigcode=1\nsignal arrived during cgo execution\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String text = LogClassification.read(log);
        assertThat(text)
                .startsWith("# os: linux")
                .contains("bytes omitted")
                .endsWith("signal arrived during cgo execution\n");
        assertThat(text.length()).isLessThan(17 << 20);
    }
}
