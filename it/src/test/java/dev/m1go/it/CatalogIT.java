package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole bundled catalog on every toolchain of the Linux matrix (amd64 Go 1.19, 1.21, 1.22, 1.23, 1.26, 1.27 and
 * the arm64 Go 1.19 under binfmt), for linux/amd64 natively and linux/arm64 under qemu and binfmt. The Go build
 * caches are m1go's default ones (cold on a fresh CI machine, warm on a developer's). Every cell must match its
 * case's expectation or be skipped with a reason, and the version differences the case READMEs quote must be the
 * ones observed.
 */
class CatalogIT {

    static final List<String> CASES = List.of(
            "abi-layout",
            "c-abort",
            "c-hang",
            "c-segv",
            "c-sigbus",
            "callback-thread",
            "cflags-cxx-pollution",
            "cgo-hello",
            "cgocheck-pointer",
            "cgocheck-result",
            "exec-self-cgo",
            "go-command-stall",
            "go-nil-deref",
            "os-exec-child",
            "preempt-storm",
            "reexec-exit-hang",
            "signal-onstack",
            "sqlite-cgo-vs-purego",
            "static-lib",
            "static-lib-wrong-arch");

    static Path dir;
    static Maven.Run run;
    static JsonNode report;
    static List<JsonNode> cells;

    @BeforeAll
    static void runCatalog() throws Exception {
        Components.requireLinuxMatrix();
        dir = Maven.workDirectory("catalog");
        long t0 = System.nanoTime();
        run = Maven.run(
                dir,
                Maven.goal("reproduce"),
                "-Dm1go.goVersions=@amd64,1.19@arm64",
                "-Dm1go.runners=native,qemu,binfmt",
                "-Dm1go.buildTimeoutSeconds=300",
                "-Dm1go.failOnRegression=true");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        System.out.println("CatalogIT: the whole catalog took " + seconds + " s");
        run.succeeded();
        report = run.report();
        cells = new ArrayList<>();
        report.path("cells").forEach(cells::add);
    }

    @Test
    void everyToolchainOfTheMatrixTookPart() {
        List<String> toolchains = new ArrayList<>();
        report.path("toolchains")
                .forEach(t -> toolchains.add(minor(t.path("version").asText()) + "/"
                        + t.path("binaryArch").asText()));
        assertThat(toolchains)
                .contains(
                        "go1.19/amd64",
                        "go1.19/arm64",
                        "go1.21/amd64",
                        "go1.22/amd64",
                        "go1.23/amd64",
                        "go1.26/amd64",
                        "go1.27/amd64");
    }

    @Test
    void everyCaseOfTheCatalogRan_onAmd64Natively_andArm64UnderQemuAndBinfmt() {
        assertThat(cells.stream()
                        .map(c -> c.path("case").asText())
                        .distinct()
                        .sorted()
                        .toList())
                .containsExactlyElementsOf(CASES);
        for (String id : CASES) {
            List<String> where = cells.stream()
                    .filter(c -> c.path("case").asText().equals(id))
                    .map(c -> c.path("goarch").asText() + "/" + c.path("runner").asText())
                    .distinct()
                    .sorted()
                    .toList();
            assertThat(where).as(id).containsExactly("amd64/native", "arm64/binfmt", "arm64/qemu");
        }
    }

    @Test
    void everyCellIsExpected_orSkippedWithAReason() {
        assertThat(report.path("complete").asBoolean()).isTrue();
        for (JsonNode c : cells) {
            String verdict = c.path("verdict").asText();
            assertThat(verdict).as(title(c) + ": " + c.path("summary").asText()).isIn("EXPECTED", "SKIPPED");
            if (verdict.equals("SKIPPED")) {
                assertThat(c.path("reason").asText()).as(title(c)).isNotBlank();
            }
        }
    }

    @Test
    void onlyTheSqliteAndStallCasesSkipCells_theToolchainsOutsideTheirGoVersions() {
        List<JsonNode> skipped = select(c -> c.path("verdict").asText().equals("SKIPPED"));
        assertThat(skipped).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("case").asText()).isIn("sqlite-cgo-vs-purego", "go-command-stall");
            assertThat(minor(c.path("go").asText()))
                    .isNotIn(
                            c.path("case").asText().equals("go-command-stall")
                                    ? List.of("go1.23", "go1.27")
                                    : List.of("go1.23", "go1.26"));
            assertThat(c.path("reason").asText()).contains("goVersions");
        });
        assertThat(select(c -> c.path("case").asText().equals("sqlite-cgo-vs-purego")
                        && !c.path("verdict").asText().equals("SKIPPED")))
                .hasSize(2 * 3 * 2);
    }

    @Test
    void cgocheckPointer_wordingChangesIn121And126() {
        Map<String, String> byMinor = panicByMinor("cgocheck-pointer");
        assertThat(byMinor)
                .containsEntry("go1.19", "panic: runtime error: cgo argument has Go pointer to Go pointer")
                .containsEntry("go1.21", "panic: runtime error: cgo argument has Go pointer to unpinned Go pointer")
                .containsEntry("go1.23", "panic: runtime error: cgo argument has Go pointer to unpinned Go pointer")
                .containsEntry(
                        "go1.26",
                        "panic: runtime error: argument of cgo function has Go pointer to unpinned Go " + "pointer")
                .containsEntry(
                        "go1.27",
                        "panic: runtime error: argument of cgo function has Go pointer to unpinned Go " + "pointer");
    }

    @Test
    void cgocheckResult_wordingChangesIn122And126() {
        Map<String, String> byMinor = panicByMinor("cgocheck-result");
        assertThat(byMinor)
                .containsEntry("go1.19", "panic: runtime error: cgo result has Go pointer")
                .containsEntry("go1.21", "panic: runtime error: cgo result has Go pointer")
                .containsEntry(
                        "go1.22",
                        "panic: runtime error: cgo result is unpinned Go pointer or points to " + "unpinned Go pointer")
                .containsEntry(
                        "go1.23",
                        "panic: runtime error: cgo result is unpinned Go pointer or points to "
                                + "unpinned Go pointer");
        assertThat(byMinor)
                .containsEntry(
                        "go1.26",
                        "panic: runtime error: <file>:<line>: result of Go function "
                                + "goGivePointer called from cgo is unpinned Go pointer or points to unpinned Go pointer");
        assertThat(byMinor.get("go1.27")).isEqualTo(byMinor.get("go1.26"));
    }

    @Test
    void cSegv_headerIsTheArticlesSymptomOnGo119Only() {
        Map<String, String> byMinor = firstHeaderLineByMinor("c-segv");
        assertThat(byMinor).containsEntry("go1.19", "fatal error: unexpected signal during runtime execution");
        byMinor.forEach((minor, header) -> {
            if (!minor.equals("go1.19")) {
                assertThat(header).as(minor).isEqualTo("SIGSEGV: segmentation violation");
            }
        });
        assertThat(byMinor).containsKeys("go1.21", "go1.22", "go1.23", "go1.26", "go1.27");
    }

    @Test
    void abiLayout_valuesLandInTheReport_andAgreeBetweenCAndGo() {
        for (JsonNode c : select(c -> c.path("case").asText().equals("abi-layout"))) {
            JsonNode f = c.path("facts");
            String goarch = c.path("goarch").asText();
            assertThat(f.path("c.arch").asText()).as(title(c)).isEqualTo(goarch);
            assertThat(f.path("go.arch").asText()).as(title(c)).isEqualTo(goarch);
            for (String type : List.of("size_t", "long", "int64_t", "struct_char_double", "pointer")) {
                assertThat(f.path("go.sizeof." + type).asText())
                        .as(title(c) + " " + type)
                        .isEqualTo(f.path("c.sizeof." + type).asText());
            }
            assertThat(f.path("c.sizeof.size_t").asText()).isEqualTo("8");
            assertThat(f.path("c.sizeof.long").asText()).isEqualTo("8");
            assertThat(f.path("c.sizeof.struct_char_double").asText()).isEqualTo("16");
            assertThat(f.path("c.offsetof.struct_char_double.d").asText()).isEqualTo("8");
            assertThat(f.path("c.sizeof.long_double").asText()).isEqualTo("16");
        }
    }

    @Test
    void cHang_timesOut_andKeepsTheGoroutineDump() throws IOException {
        for (JsonNode c : select(c -> c.path("case").asText().equals("c-hang"))) {
            assertThat(c.path("outcome").asText()).isEqualTo("TIMEOUT");
            String stderr = Files.readString(dir.resolve("target/m1go")
                    .resolve(c.path("runs").get(0).path("stderrLog").asText()));
            assertThat(stderr).as(title(c)).contains("SIGQUIT: quit", "main._Cfunc_m1go_hang");
        }
    }

    @Test
    void osExecChild_passesOnEveryToolchain_underQemu72Too() {
        List<JsonNode> exec = select(c -> c.path("case").asText().equals("os-exec-child"));
        assertThat(exec)
                .hasSize(7 * 3)
                .allSatisfy(
                        c -> assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("PASS"));
    }

    @Test
    void execSelfCgo_theArm64ChildRunsItsC_underQemuAsUnderBinfmt() {
        List<JsonNode> exec = select(c -> c.path("case").asText().equals("exec-self-cgo"));
        assertThat(exec)
                .hasSize(7 * 3)
                .allSatisfy(
                        c -> assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("PASS"));
        assertThat(exec.stream().filter(c -> c.path("runner").asText().equals("qemu")))
                .isNotEmpty();
    }

    @Test
    void preemptStorm_passesWithAndWithoutAsyncPreemption_andReportsItsCounters() {
        List<JsonNode> storm = select(c -> c.path("case").asText().equals("preempt-storm"));
        assertThat(storm.stream()
                        .map(c -> c.path("variant").asText())
                        .distinct()
                        .sorted()
                        .toList())
                .containsExactly("asyncpreemptoff", "default");
        assertThat(storm).allSatisfy(c -> {
            assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("PASS");
            assertThat(c.path("facts").path("gc_cycles").asInt()).as(title(c)).isPositive();
        });
    }

    @Test
    void sqlite_bothDriversRunTheWorkload_andReportWhichAndHowLong() {
        for (JsonNode c : select(c -> c.path("case").asText().equals("sqlite-cgo-vs-purego")
                && c.path("outcome").asText().equals("PASS"))) {
            String driver = c.path("variant").asText().equals("purego") ? "sqlite" : "sqlite3";
            assertThat(c.path("facts").path("driver").asText()).as(title(c)).isEqualTo(driver);
            assertThat(c.path("facts").path("sqlite_version").asText())
                    .as(title(c))
                    .matches("3\\.\\d+\\.\\d+");
            assertThat(c.path("facts").path("workload_ms").asText())
                    .as(title(c))
                    .matches("\\d+");
        }
    }

    @Test
    void cflagsPollution_gccTurnsTheWarningIntoAnErrorInRuntimeCgo() throws IOException {
        for (JsonNode c : select(c -> c.path("case").asText().equals("cflags-cxx-pollution"))) {
            assertThat(c.path("outcome").asText()).isEqualTo("BUILD_ERROR");
            assertThat(c.path("build").path("ccFamily").asText()).isEqualTo("gcc");
            String stderr = Files.readString(dir.resolve("target/m1go")
                    .resolve(c.path("build").path("stderrLog").asText()));
            // gcc quotes the option with typographic or plain quotes depending on the locale.
            assertThat(stderr)
                    .as(title(c))
                    .contains("# runtime/cgo", "-std=gnu++17", "is valid for C++/ObjC++ but not for C [-Werror]");
        }
    }

    private static Map<String, String> panicByMinor(String id) {
        select(c -> c.path("case").asText().equals(id))
                .forEach(
                        c -> assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("CGO_CHECK"));
        return firstHeaderLineByMinor(id);
    }

    private static Map<String, String> firstHeaderLineByMinor(String id) {
        Map<String, TreeSet<String>> seen = new TreeMap<>();
        for (JsonNode c : select(c -> c.path("case").asText().equals(id))) {
            // Go 1.26 names the callback's source file, whose path differs between builds.
            String panic = c.path("header")
                    .get(0)
                    .asText()
                    .replaceFirst("^(panic: runtime error: )\\S+\\.go:\\d+: ", "$1<file>:<line>: ");
            seen.computeIfAbsent(minor(c.path("go").asText()), k -> new TreeSet<>())
                    .add(panic);
        }
        Map<String, String> one = new TreeMap<>();
        seen.forEach((minor, texts) -> {
            assertThat(texts)
                    .as(id + " " + minor + ": one wording on every runner and architecture")
                    .hasSize(1);
            one.put(minor, texts.first());
        });
        return one;
    }

    private static List<JsonNode> select(Predicate<JsonNode> p) {
        return cells.stream().filter(p).toList();
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    private static String title(JsonNode c) {
        return c.path("case").asText() + " " + c.path("go").asText() + " ("
                + c.path("toolchainArch").asText() + " go) " + c.path("goarch").asText() + " "
                + c.path("runner").asText() + " " + c.path("variant").asText();
    }
}
