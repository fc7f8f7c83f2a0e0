package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Module mode on real code: the test suite of a public cgo module, github.com/pk910/hashtree-bindings v0.2.6 (Go
 * bindings to the hashtree SHA-256 library, linked as a prebuilt static library per architecture), fetched through
 * the Go module proxy into the module cache and run straight from there, natively and under qemu and binfmt on Go 1.22
 * and Go 1.26; and this project's own {@code projects/pkgconfig-zlib}, whose zlib comes through pkg-config and is
 * installed for amd64 only, so its linux/arm64 cells fail at link time with the remedy. The translated cells of a
 * test binary that ran are compared test by test with its linux/amd64 native cell.
 */
class ModuleModeIT {

    static final String PUBLIC_MODULE = "github.com/pk910/hashtree-bindings";
    static final String PUBLIC_VERSION = "v0.2.6";
    static final String STABLE_TESTS = "^(TestHash|TestHashSizes|TestErrors|TestActivePathMatchesEnv)$";

    static Path moduleDir;
    static List<String> moduleFilesBefore;
    static Maven.Run hashtree;
    static List<JsonNode> hashtreeCells;
    static Maven.Run zlib;
    static List<JsonNode> zlibCells;

    @BeforeAll
    static void runBoth() throws Exception {
        Components.requireLinuxMatrix();
        moduleDir = download(PUBLIC_MODULE + "@" + PUBLIC_VERSION);
        moduleFilesBefore = files(moduleDir);
        long t0 = System.nanoTime();
        Path dir = Maven.workDirectory("module-public");
        // TestForcedPaths is left out: its forced NEON path dies now and then with "fatal error: unknown caller pc"
        // on go1.26.8 linux/arm64 under qemu-user 7.2 (explicit and binfmt), which a CI run must not depend on.
        hashtree = Maven.run(
                dir,
                Maven.goal("reproduce"),
                "-Dm1go.module=" + moduleDir,
                "-Dm1go.tests=./...",
                "-Dm1go.testRun=" + STABLE_TESTS,
                "-Dm1go.goVersions=1.22@amd64,1.26@amd64",
                "-Dm1go.runners=native,qemu,binfmt",
                "-Dm1go.buildTimeoutSeconds=300");
        System.out.println(
                "ModuleModeIT: " + PUBLIC_MODULE + " took " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        hashtreeCells = cells(hashtree.succeeded().report());

        Components.require(
                Files.isRegularFile(Path.of("/usr/lib/x86_64-linux-gnu/pkgconfig/zlib.pc")),
                "zlib1g-dev (amd64) with pkg-config");
        Components.onlyOn(
                !Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/pkgconfig/zlib.pc")),
                "a machine without zlib1g-dev:arm64 (the per-target failure needs it missing)");
        Path source = Path.of(System.getProperty("it.projects", "projects")).resolve("pkgconfig-zlib");
        Path zdir = Maven.workDirectory("module-pkgconfig");
        t0 = System.nanoTime();
        zlib = Maven.run(
                zdir,
                Maven.goal("reproduce"),
                "-Dm1go.module=" + source.toAbsolutePath(),
                "-Dm1go.tests=./...",
                "-Dm1go.goVersions=1.26",
                "-Dm1go.runners=native,qemu,binfmt");
        System.out.println("ModuleModeIT: pkgconfig-zlib took " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        zlibCells = cells(zlib.succeeded().report());
    }

    /**
     * {@code go mod download -json MODULE@VERSION}, offline: the module's directory in the module cache, where
     * {@code scripts/prefetch-go-modules.sh} put it with every dependency (the plugin runs offline, so a module fetched
     * here without them would fail later, in {@code go list}).
     */
    static Path download(String module) throws Exception {
        Path tmp = Files.createTempDirectory("m1go-download");
        ProcessBuilder pb = new ProcessBuilder("go", "mod", "download", "-json", module).directory(tmp.toFile());
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOPROXY", "off");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        p.getOutputStream().close();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue())
                .as("go mod download %s (offline): %s; run scripts/prefetch-go-modules.sh first", module, json)
                .isZero();
        return Path.of(new ObjectMapper().readTree(json).path("Dir").asText());
    }

    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + " " + p.toFile().length())
                    .sorted()
                    .toList();
        }
    }

    static List<JsonNode> cells(JsonNode report) {
        List<JsonNode> cells = new ArrayList<>();
        report.path("cells").forEach(cells::add);
        return cells;
    }

    static String title(JsonNode c) {
        return c.path("case").asText() + " " + c.path("go").asText() + " "
                + c.path("goarch").asText() + " " + c.path("runner").asText();
    }

    static JsonNode test(JsonNode cell, String name) {
        for (JsonNode t : cell.path("tests")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError(title(cell) + " has no test " + name);
    }

    @Test
    void publicModule_runsItsOwnTests_nativelyAndUnderQemuAndBinfmt_onTwoToolchains() {
        assertThat(hashtreeCells)
                .extracting(c -> c.path("go").asText().replaceAll("^(go1\\.\\d+).*", "$1") + " "
                        + c.path("goarch").asText() + "/" + c.path("runner").asText())
                .containsExactlyInAnyOrder(
                        "go1.22 amd64/native",
                        "go1.22 arm64/qemu",
                        "go1.22 arm64/binfmt",
                        "go1.26 amd64/native",
                        "go1.26 arm64/qemu",
                        "go1.26 arm64/binfmt");
        for (JsonNode c : hashtreeCells) {
            assertThat(c.path("case").asText()).isEqualTo("hashtree-bindings.test");
            assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("PASS");
            assertThat(c.path("verdict").asText()).as(title(c)).isEqualTo("EXPECTED");
            assertThat(c.path("tests").size()).as(title(c)).isGreaterThan(5);
            assertThat(c.path("tests")).noneMatch(t -> t.path("name").asText().startsWith("TestForcedPaths"));
            assertThat(test(c, "TestHash").path("outcome").asText()).isEqualTo("PASS");
            assertThat(test(c, "TestHash/hash_4_blocks").path("action").asText())
                    .isEqualTo("pass");
            // it skips itself unless HASHTREE_EXPECT_PATH is set
            assertThat(test(c, "TestActivePathMatchesEnv").path("outcome").asText())
                    .isEqualTo("SKIPPED");
            assertThat(c.path("summary").asText())
                    .as(title(c))
                    .matches("\\d+ tests: \\d+ passed, 0 failed, \\d+ skipped");
        }
    }

    @Test
    void publicModule_junitHasOneTestcasePerCellAndTest() throws Exception {
        Path xml = hashtree.directory().resolve("target/m1go/TEST-m1go.xml");
        NodeList cases = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(xml.toFile())
                .getElementsByTagName("testcase");
        int expected =
                hashtreeCells.stream().mapToInt(c -> c.path("tests").size()).sum();
        assertThat(cases.getLength()).isEqualTo(expected);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names)
                .anyMatch(n -> n.matches("go1\\.26\\.\\d+/linux-arm64/qemu TestHash"))
                .anyMatch(n -> n.matches("go1\\.22\\.\\d+/linux-arm64/binfmt TestActivePathMatchesEnv"));
    }

    @Test
    void publicModule_reportMdAndHtmlListTheTestsOfEachCell_withTheSkippedTestsReason() throws Exception {
        String md = Files.readString(hashtree.directory().resolve("target/m1go/report.md"));
        assertThat(md).contains("| cells | tests | failed: first line of the reason | skipped: reason |");
        // hash_test.go: t.Skip("HASHTREE_EXPECT_PATH not set")
        assertThat(md.lines()
                        .filter(l -> l.matches(
                                "\\| go1\\.\\d+.*\\| \\d+ tests: \\d+ passed, 0 failed, " + "\\d+ skipped \\|.*")))
                .isNotEmpty()
                .allMatch(l -> l.matches(
                        ".*TestActivePathMatchesEnv: `hash_test\\.go:\\d+: " + "HASHTREE_EXPECT_PATH not set`.*"));
        String html = Files.readString(hashtree.directory().resolve("target/m1go/report.html"));
        assertThat(html)
                .containsPattern("<code>TestActivePathMatchesEnv</code>: hash_test\\.go:\\d+: "
                        + "HASHTREE_EXPECT_PATH not set</li>");
    }

    @Test
    void publicModule_itsTreeInTheModuleCacheIsLeftAsItWas() throws Exception {
        assertThat(files(moduleDir)).isEqualTo(moduleFilesBefore);
        assertThat(hashtree.directory().resolve("target/m1go/module/src/go.mod"))
                .exists();
    }

    @Test
    void pkgConfigModule_passesNatively_andFailsForArm64WithTheDirectoryAndPackageToInstall() {
        for (JsonNode c : zlibCells) {
            assertThat(c.path("verdict").asText()).as(title(c)).isEqualTo("EXPECTED");
            if (c.path("goarch").asText().equals("amd64")) {
                assertThat(c.path("outcome").asText()).isEqualTo("PASS");
                assertThat(test(c, "TestRoundTrip").path("outcome").asText()).isEqualTo("PASS");
                assertThat(test(c, "TestVersion").path("outcome").asText()).isEqualTo("PASS");
            } else {
                assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("LINK_ERROR");
                assertThat(c.path("summary").asText())
                        .as(title(c))
                        .contains("Package zlib was not found in the pkg-config search path")
                        .contains("PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig")
                        .contains("apt-get install zlib1g-dev:arm64");
            }
        }
        assertThat(zlibCells)
                .extracting(
                        c -> c.path("goarch").asText() + "/" + c.path("runner").asText())
                .containsExactlyInAnyOrder("amd64/native", "arm64/qemu", "arm64/binfmt");
    }

    @Test
    void publicModule_translatedCells_areComparedTestByTest_withTheNativeCellOfTheOtherTarget() throws Exception {
        List<JsonNode> differentials = new ArrayList<>();
        hashtree.report().path("differentials").forEach(differentials::add);
        assertThat(differentials)
                .extracting(d -> d.path("go").asText().replaceAll("^(go1\\.\\d+).*", "$1") + " "
                        + d.path("goarch").asText() + "/"
                        + d.path("cell").path("runner").asText() + " vs "
                        + d.path("referenceTarget").asText() + " "
                        + d.path("referenceKind").asText() + ": "
                        + d.path("verdict").asText())
                .containsExactlyInAnyOrder(
                        "go1.22 arm64/qemu vs linux/amd64 native-other-target: same",
                        "go1.22 arm64/binfmt vs linux/amd64 native-other-target: same",
                        "go1.26 arm64/qemu vs linux/amd64 native-other-target: same",
                        "go1.26 arm64/binfmt vs linux/amd64 native-other-target: same");
        assertThat(differentials)
                .allSatisfy(d -> assertThat(d.path("testsCompared").asInt()).isGreaterThan(5));
        String md = Files.readString(hashtree.directory().resolve("target/m1go/report.md"), StandardCharsets.UTF_8);
        assertThat(md)
                .contains("No cell fails only under translation (4 translated cells compared with their "
                        + "reference cells; test by test: hashtree-bindings.test go1.22.")
                .doesNotContain("Failing tests per runner");
    }

    @Test
    void pkgConfigModule_arm64CellsThatNeverRan_areNotComparedWithTheAmd64NativeCell() throws Exception {
        // the arm64 cells failed to link, so nothing ran under translation: at most the two translators are compared
        // (both LINK_ERROR), never a cell that did not run with the amd64 native cell's tests
        JsonNode d = zlib.report().path("differentials");
        assertThat(zlibCells)
                .anySatisfy(c -> assertThat(c.path("goarch").asText()).isEqualTo("arm64"));
        assertThat(d).allSatisfy(x -> {
            assertThat(x.path("referenceKind").asText()).isNotEqualTo("native-other-target");
            assertThat(x.path("verdict").asText()).isEqualTo("same");
        });
    }
}
