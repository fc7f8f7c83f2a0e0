package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash forensics through the real plugin on a narrow matrix (Go 1.22; c-segv, c-abort, c-sigbus; natively and
 * under binfmt): every built binary's facts in report.json, the C function and line of every crash in C, then
 * m1go:inspect on those binaries and a Mach-O universal file, and m1go:classify on pasted build logs.
 */
class ForensicsIT {

    private static JsonNode report;
    private static Path dir;

    @BeforeAll
    static void runTheMatrix() throws Exception {
        Components.requireLinuxMatrix();
        dir = Maven.workDirectory("forensics");
        // the cell outcomes are asserted below; the build's own verdict is not what this test is about
        report = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.cases=c-segv,c-abort,c-sigbus",
                        "-Dm1go.runners=native,binfmt",
                        "-Dm1go.buildTimeoutSeconds=300")
                .report();
    }

    private static List<JsonNode> cells() {
        List<JsonNode> cells = new ArrayList<>();
        report.get("cells").forEach(cells::add);
        return cells;
    }

    private static int lineOf(String caseId, String text) throws Exception {
        try (InputStream in =
                ForensicsIT.class.getClassLoader().getResourceAsStream("m1go/cases/" + caseId + "/main.go")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError(text + " not in " + caseId);
    }

    private static String title(JsonNode c) {
        return c.get("case").asText() + " " + c.get("go").asText() + " "
                + c.get("goarch").asText() + " " + c.get("runner").asText();
    }

    @Test
    void everyBuiltBinary_hasItsFacts_andItsMachineIsTheTarget() {
        assertThat(cells()).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode c : cells()) {
            JsonNode facts = c.get("build").get("binaryFacts");
            assertThat(facts).as(title(c)).isNotNull();
            assertThat(c.get("build").get("binary").isTextual())
                    .as("build.binary stays the path")
                    .isTrue();
            assertThat(facts.get("format").asText()).isEqualTo("ELF");
            assertThat(facts.get("machine").asText())
                    .as(title(c))
                    .isEqualTo(c.get("goarch").asText());
            assertThat(facts.get("go").get("goVersion").asText()).startsWith("go1.22");
            assertThat(facts.get("go").get("settings").get("GOARCH").asText())
                    .isEqualTo(c.get("goarch").asText());
            assertThat(facts.get("go").get("settings").get("CGO_ENABLED").asText())
                    .isEqualTo("1");
        }
    }

    @Test
    void everyCrashInC_namesItsCFunctionAndLine_onEveryRunner() throws Exception {
        Map<String, String[]> expected = Map.of(
                "c-segv", new String[] {"m1go_segv", Integer.toString(lineOf("c-segv", "= 42;"))},
                "c-sigbus", new String[] {"m1go_sigbus", Integer.toString(lineOf("c-sigbus", "return p[page];"))},
                "c-abort", new String[] {"m1go_abort", Integer.toString(lineOf("c-abort", "abort();"))});
        for (JsonNode c : cells()) {
            if (!c.get("outcome").asText().equals("CGO_SIGNAL")) {
                continue;
            }
            String[] want = expected.get(c.get("case").asText());
            JsonNode frames = c.get("runs").get(0).get("cFrames");
            assertThat(frames).as(title(c) + " " + c.get("runs").get(0)).isNotNull();
            JsonNode named = null;
            for (JsonNode f : frames) {
                if (f.has("function")) {
                    named = f;
                    break;
                }
            }
            assertThat(named).as(title(c)).isNotNull();
            assertThat(named.get("function").asText()).as(title(c)).isEqualTo(want[0]);
            assertThat(named.get("line").asText()).as(title(c)).isEqualTo(want[1]);
            assertThat(c.get("signature").asText()).as(title(c)).contains("| " + want[0] + " < ");
            assertThat(c.get("summary").asText()).as(title(c)).contains(want[0] + " (main.go:" + want[1] + ")");
        }
        assertThat(cells())
                .filteredOn(c -> c.get("case").asText().equals("c-segv"))
                .allSatisfy(c -> assertThat(c.get("outcome").asText()).isEqualTo("CGO_SIGNAL"));
        String md = Files.readString(dir.resolve("target/m1go/report.md"));
        assertThat(md).contains("crashed in m1go_segv (main.go:" + expected.get("c-segv")[1] + ")");
        assertThat(Files.readString(dir.resolve("target/m1go/report.html")))
                .contains("crashed in m1go_segv (main.go:" + expected.get("c-segv")[1] + ")");
    }

    @Test
    void inspect_onTheBuiltBinariesAndAUniversalMachO_listsMachinesAndSlices() throws Exception {
        Path files = Files.createDirectories(dir.resolve("inspect"));
        for (JsonNode c : cells()) {
            Path bin = dir.resolve("target/m1go")
                    .resolve(c.get("build").get("binary").asText());
            Files.copy(
                    bin,
                    files.resolve(c.get("case").asText() + "-" + c.get("goarch").asText()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path src = Files.createDirectories(dir.resolve("hello"));
        Files.writeString(src.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
        Files.writeString(src.resolve("main.go"), "package main\n\nfunc main() { println(\"hi\") }\n");
        for (String arch : List.of("arm64", "amd64")) {
            exec(
                    src,
                    Map.of("GOOS", "darwin", "GOARCH", arch, "CGO_ENABLED", "0"),
                    "go",
                    "build",
                    "-o",
                    "hello-" + arch,
                    ".");
        }
        exec(
                src,
                Map.of(),
                lipo(),
                "-create",
                "-output",
                files.resolve("hello-universal").toString(),
                "hello-arm64",
                "hello-amd64");
        Files.writeString(files.resolve("notes.txt"), "not a binary\n");
        Maven.Run run = Maven.run(dir, "-q", Maven.goal("inspect"), "-Dm1go.path=" + files)
                .succeeded();
        Map<String, JsonNode> byFile = new TreeMap<>();
        for (String line : run.output().replace("\u001b[0m", "").split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = new ObjectMapper().readTree(line);
                byFile.put(n.get("file").asText(), n);
            }
        }
        assertThat(byFile.get("c-segv-arm64").get("machine").asText()).isEqualTo("arm64");
        assertThat(byFile.get("c-segv-amd64").get("machine").asText()).isEqualTo("amd64");
        List<String> slices = new ArrayList<>();
        byFile.get("hello-universal")
                .get("slices")
                .forEach(s -> slices.add(s.get("machine").asText()));
        assertThat(byFile.get("hello-universal").get("format").asText()).isEqualTo("Mach-O universal");
        assertThat(slices).containsExactlyInAnyOrder("arm64", "amd64");
        assertThat(byFile.get("notes.txt").get("format").asText()).isEqualTo("unknown");
    }

    @Test
    void classify_pastedBuildAndLinkLogs_giveTheBuildPhaseOutcomes() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("build-logs"));
        Files.writeString(logs.resolve("a-ld64.log"), """
                ld: warning: ignoring file /opt/homebrew/Cellar/zeromq/4.3.4/lib/libzmq.dylib, building for macOS-x86_64 but attempting to link with file built for macOS-arm64
                Undefined symbols for architecture x86_64:
                  "_zmq_bind", referenced from:
                      _zmq4_bind in _x009.o
                """);
        Files.writeString(logs.resolve("b-gnu.log"), """
                # example.com/m
                /usr/bin/ld: cannot find -lzmq: No such file or directory
                collect2: error: ld returned 1 exit status
                """);
        Files.writeString(logs.resolve("c-go.log"), """
                # example.com/m
                ./main.go:6:14: undefined: C.nope
                """);
        Maven.Run run = Maven.run(dir, "-q", Maven.goal("classify"), "-Dm1go.log=" + logs)
                .succeeded();
        List<String> outcomes = new ArrayList<>();
        for (String line : run.output().replace("\u001b[0m", "").split("\n")) {
            if (line.startsWith("{")) {
                outcomes.add(new ObjectMapper().readTree(line).get("outcome").asText());
            }
        }
        assertThat(outcomes).containsExactly("LINK_ARCH_MISMATCH", "LINK_ERROR", "BUILD_ERROR");
    }

    private static String lipo() {
        for (String p : List.of("/usr/bin/llvm-lipo", "/usr/lib/llvm-14/bin/llvm-lipo")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        Components.require(false, "llvm-lipo (apt-get install llvm)");
        return null;
    }

    private static void exec(Path dir, Map<String, String> env, String... argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("GOTOOLCHAIN", "local");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + "\n" + out).isZero();
    }
}
