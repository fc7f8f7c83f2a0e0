package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A public cgo module with 40 bundled C files, github.com/DataDog/zstd v1.5.7 (the zstd library's sources beside its
 * Go bindings), run twice through the real plugin from two different project directories, natively (linux/amd64) and
 * under qemu (linux/arm64), with go1.26.
 *
 * <p>What the tests do is the module's own: its tests pass; {@code TestRealPayload}, {@code TestCtxRealPayload} and
 * {@code TestStreamRealPayload} skip themselves ({@code t.Skip(ErrNoPayloadEnv)}) because {@code PAYLOAD}, the file its
 * suite compresses, is not set; and {@code BenchmarkCtxCompression}, selected with {@code m1go.testBench}, fails for
 * the same reason ({@code b.Fatal(ErrNoPayloadEnv)}: "PAYLOAD env was not set"). The checks: report.md's excerpt of
 * the failing test, the per-test differential and the "Failing tests per runner" table, the failure cluster named by
 * its failing test, the build and run times apart; and that the second run, from another output directory, compiled
 * none of the module's C files: every C compiler call goes through a wrapper ({@code m1go.targetEnv.*.CC}) that
 * writes down each {@code .c} file it is given.
 */
class PublicModuleReuseIT {

    static final String MODULE = "github.com/DataDog/zstd";
    static final String VERSION = "v1.5.7";
    static final String TESTS = "^(TestCompressBound|TestCompressDecompress|TestEmptySliceCompress|TestRealPayload"
            + "|TestCtxRealPayload|TestStreamRealPayload|TestStreamEmptyPayload)$";

    static Path moduleDir;
    static Path ccLog;
    static Maven.Run first;
    static Maven.Run second;
    static List<String> compiledFirst;
    static List<String> compiledSecond;
    static Set<String> moduleCFiles;

    @BeforeAll
    static void runTwice() throws Exception {
        Components.requireLinuxMatrix();
        moduleDir = ModuleModeIT.download(MODULE + "@" + VERSION);
        try (Stream<Path> s = Files.list(moduleDir)) {
            moduleCFiles = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".c"))
                    .collect(Collectors.toSet());
        }
        Path cache = Maven.workDirectory("zstd-cache");
        Path cc = Maven.workDirectory("zstd-cc");
        ccLog = cc.resolve("c-files.log");
        Path amd64 = wrapper(cc.resolve("cc-amd64"), "gcc");
        Path arm64 = wrapper(cc.resolve("cc-arm64"), "aarch64-linux-gnu-gcc");
        List<String> args = List.of(
                Maven.goal("reproduce"),
                "-Dm1go.module=" + moduleDir,
                "-Dm1go.tests=./...",
                "-Dm1go.testRun=" + TESTS,
                "-Dm1go.testBench=^BenchmarkCtxCompression$",
                "-Dm1go.testBenchtime=1x",
                "-Dm1go.goVersions=1.26@amd64",
                "-Dm1go.targets=linux/amd64,linux/arm64",
                "-Dm1go.runners=native,qemu",
                "-Dm1go.failOn=never",
                "-Dm1go.cacheDirectory=" + cache,
                "-Dm1go.targetEnv.linux-amd64.CC=" + amd64,
                "-Dm1go.targetEnv.linux-arm64.CC=" + arm64);
        first = Maven.run(Maven.workDirectory("zstd-first"), args.toArray(String[]::new))
                .succeeded();
        compiledFirst = Files.readAllLines(ccLog);
        Files.writeString(ccLog, "");
        second = Maven.run(Maven.workDirectory("zstd-second"), args.toArray(String[]::new))
                .succeeded();
        compiledSecond = Files.readAllLines(ccLog);
    }

    /** A C compiler that writes down each {@code .c} argument, then is {@code compiler}. */
    static Path wrapper(Path file, String compiler) throws Exception {
        Files.writeString(
                file,
                "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *.c) echo \"$a\" >> '" + ccLog + "';; esac; done\nexec "
                        + compiler + " \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    static List<String> moduleC(List<String> compiled) {
        return compiled.stream()
                .filter(f -> moduleCFiles.contains(Path.of(f).getFileName().toString()))
                .toList();
    }

    static List<JsonNode> cells(Maven.Run run) throws Exception {
        List<JsonNode> cells = new ArrayList<>();
        run.report().path("cells").forEach(cells::add);
        return cells;
    }

    @Test
    void secondRun_fromAnotherDirectory_compilesNoneOfTheModulesCFiles() throws Exception {
        assertThat(moduleCFiles).hasSizeGreaterThanOrEqualTo(40);
        // the first run compiled every C file of the module once per target
        assertThat(moduleC(compiledFirst).stream()
                        .map(f -> Path.of(f).getFileName().toString())
                        .distinct())
                .hasSameSizeAs(moduleCFiles);
        assertThat(moduleC(compiledFirst)).hasSize(2 * moduleCFiles.size());
        assertThat(moduleC(compiledSecond))
                .as("C files compiled by the second run")
                .isEmpty();
        for (JsonNode c : cells(second)) {
            assertThat(c.path("build").path("outcome").asText()).isEqualTo("PASS");
        }
        // the same results both times
        assertThat(cells(second))
                .extracting(c -> c.path("goarch").asText() + " "
                        + c.path("outcome").asText() + " " + c.path("summary").asText())
                .containsExactlyInAnyOrderElementsOf(cells(first).stream()
                        .map(c -> c.path("goarch").asText() + " "
                                + c.path("outcome").asText() + " "
                                + c.path("summary").asText())
                        .toList());
    }

    @Test
    void testsPassFailAndSkip_natively_andUnderQemu() throws Exception {
        List<JsonNode> cells = cells(first);
        assertThat(cells)
                .extracting(
                        c -> c.path("goarch").asText() + "/" + c.path("runner").asText())
                .containsExactlyInAnyOrder("amd64/native", "arm64/qemu");
        for (JsonNode c : cells) {
            assertThat(c.path("outcome").asText()).isEqualTo("EXIT_NONZERO");
            assertThat(c.path("summary").asText())
                    .matches("\\d+ tests: \\d+ passed, 1 failed, 3 skipped; failed: " + "BenchmarkCtxCompression");
            assertThat(status(c, "TestCompressDecompress")).isEqualTo("pass");
            assertThat(status(c, "TestRealPayload")).isEqualTo("skip");
            assertThat(status(c, "TestStreamRealPayload")).isEqualTo("skip");
            assertThat(status(c, "BenchmarkCtxCompression")).isEqualTo("fail");
        }
    }

    static String status(JsonNode cell, String test) {
        for (JsonNode t : cell.path("tests")) {
            if (t.path("name").asText().equals(test)) {
                return t.path("action").asText();
            }
        }
        throw new AssertionError(
                "no test " + test + " in " + cell.path("goarch").asText());
    }

    @Test
    void reportMd_quotesTheFailingTestsOwnOutput_comparesTestByTest_andClustersByFailingTest() throws Exception {
        String md = Files.readString(first.directory().resolve("target/m1go/report.md"), StandardCharsets.UTF_8);
        // the excerpt: the failing benchmark's own line, and the log a test binary writes to
        String details = md.substring(md.indexOf("## Failures, one per signature"));
        assertThat(details)
                .containsPattern("```text\n(.*\n)*--- FAIL: BenchmarkCtxCompression.*\n(.*\n)*"
                        + "    zstd_ctx_test\\.go:\\d+: PAYLOAD env was not set\n(.*\n)*```");
        // each skipped test with its own reason, the failing benchmark with its own
        assertThat(md)
                .containsPattern("BenchmarkCtxCompression: `zstd_ctx_test\\.go:\\d+: PAYLOAD env was not set`")
                .containsPattern("TestRealPayload: `zstd_test\\.go:\\d+: PAYLOAD env was not set`")
                .containsPattern("TestCtxRealPayload: `zstd_ctx_test\\.go:\\d+: PAYLOAD env was not set`");
        assertThat(md)
                .containsPattern("Log: `logs/zstd\\.test/go1\\.26\\.\\d+-amd64/linux-(amd64|arm64)/(native|qemu)"
                        + "-default/run-1\\.stdout`")
                .doesNotContain("run-1.stderr`");
        // one cluster, named by its failing test, holding both cells
        assertThat(md)
                .containsPattern("\\| ❌ EXIT_NONZERO<br>`[^`]*failing tests: BenchmarkCtxCompression[^`]*` \\| 2 \\|");
        // the translated cell compared test by test with the native cell of the other target
        assertThat(md)
                .contains("Failing tests per runner")
                .containsPattern("\\| BenchmarkCtxCompression \\|.*FAIL.*FAIL");
        JsonNode d = first.report().path("differentials");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).path("referenceKind").asText()).isEqualTo("native-other-target");
        assertThat(d.get(0).path("verdict").asText()).isEqualTo("same");
        assertThat(d.get(0).path("testsCompared").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void buildAndRunTimes_areApart() throws Exception {
        for (Maven.Run run : List.of(first, second)) {
            assertThat(run.output())
                    .containsPattern("zstd\\.test go1\\.26\\.\\d+ linux/amd64 native \\.\\.\\. "
                            + "EXIT_NONZERO \\(run \\d+\\.\\d\\d s, build \\d+\\.\\d\\d s\\)");
            long runs = 0;
            for (JsonNode c : cells(run)) {
                long build = c.path("build").path("durationMillis").asLong();
                long ran = 0;
                for (JsonNode r : c.path("runs")) {
                    ran += r.path("durationMillis").asLong();
                }
                assertThat(build).isPositive();
                assertThat(c.path("durationMillis").asLong()).isEqualTo(build + ran);
                runs += ran;
            }
            // JUnit's testsuite time is the cells' run times, without the builds
            Element suite = (Element) DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(run.directory().resolve("target/m1go/TEST-m1go.xml").toFile())
                    .getElementsByTagName("testsuite")
                    .item(0);
            assertThat(Double.parseDouble(suite.getAttribute("time")))
                    .isCloseTo(
                            runs / 1000.0,
                            org.assertj.core.data.Offset.offset(
                                    0.01 * cells(run).size() + 0.01));
        }
    }
}
