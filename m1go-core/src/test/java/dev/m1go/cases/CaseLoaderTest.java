package dev.m1go.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.classify.Outcome;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLoaderTest {

    @TempDir
    Path dir;

    private final CaseLoader loader = new CaseLoader();

    private Path caseDir(String id, String yaml) throws IOException {
        Path d = Files.createDirectories(dir.resolve(id));
        Files.writeString(d.resolve("main.go"), "package main\n\nimport \"C\"\n\nfunc main() {}\n");
        Files.writeString(d.resolve("case.yaml"), yaml);
        return d;
    }

    @Test
    void bundledCatalog_holdsTheStarterCases() throws CaseDefinitionException {
        List<String> ids = loader.bundled().stream().map(ReproCase::id).toList();
        assertThat(ids)
                .contains("cgo-hello", "static-lib", "static-lib-wrong-arch", "c-abort")
                .isSorted();
    }

    @Test
    void bundledWrongArchCase_buildsItsLibraryForTheOtherArch() throws CaseDefinitionException {
        ReproCase c = loader.load(null, List.of("static-lib-wrong-arch")).get(0);
        assertThat(c.library().otherArch()).isTrue();
        assertThat(c.expectation().otherwise().outcome()).isEqualTo(Outcome.LINK_ARCH_MISMATCH);
        assertThat(c.files()).containsKeys("main.go", "c/hello.c", "hello.h", "case.yaml");
    }

    @Test
    void rules_firstMatchWins_conditionsLeftOutMatchAll() throws Exception {
        caseDir("rules", """
                description: d
                variants:
                  - name: nopreempt
                    env: {GODEBUG: asyncpreemptoff=1}
                expect:
                  outcome: CGO_CHECK
                  when:
                    - go: "<1.21"
                      goarch: arm64
                      runner: qemu
                      outcome: EMULATOR_FAULT
                    - go: "<1.21"
                      outcome: GO_PANIC
                    - variant: nopreempt
                      outcome: PASS
                """);
        ReproCase c = loader.directory(dir).get(0);
        Expectation e = c.expectation();
        GoVersion go119 = GoVersion.parse("go1.19.8").orElseThrow();
        GoVersion go122 = GoVersion.parse("go1.22.12").orElseThrow();
        assertThat(e.resolve(new CellFacts(go119, Arch.AMD64, Os.LINUX, Arch.ARM64, "qemu", "default", "gcc"))
                        .outcome())
                .isEqualTo(Outcome.EMULATOR_FAULT);
        assertThat(e.resolve(new CellFacts(go119, Arch.AMD64, Os.LINUX, Arch.ARM64, "binfmt", "default", "gcc"))
                        .outcome())
                .isEqualTo(Outcome.GO_PANIC);
        assertThat(e.resolve(new CellFacts(go122, Arch.AMD64, Os.LINUX, Arch.AMD64, "native", "nopreempt", "gcc"))
                        .outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(e.resolve(new CellFacts(go122, Arch.AMD64, Os.LINUX, Arch.AMD64, "native", "default", "gcc"))
                        .outcome())
                .isEqualTo(Outcome.CGO_CHECK);
        assertThat(c.variants()).extracting(Variant::name).containsExactly("default", "nopreempt");
        assertThat(c.marker()).isEqualTo(CaseLoader.DEFAULT_MARKER);
    }

    @Test
    void missingOutcome_namesFileAndField() throws IOException {
        Path d = caseDir("broken", "description: d\nexpect:\n  signal: SIGABRT\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining(d.resolve("case.yaml").toString())
                .hasMessageContaining("'expect.outcome' is missing")
                .hasMessageContaining("CGO_SIGNAL");
    }

    @Test
    void unknownCase_suggestsTheClosestId() {
        assertThatThrownBy(() -> loader.load(null, List.of("c-abrot")))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageStartingWith(
                        "Unknown case 'c-abrot' in m1go.cases (did you mean 'c-abort'?): known cases are ");
    }

    @Test
    void missingDescription_namesTheField() throws IOException {
        caseDir("nodesc", "expect: {outcome: PASS}\n");
        assertThatThrownBy(() -> loader.directory(dir)).hasMessageContaining("'description' is missing");
    }

    @Test
    void unknownField_isNamed_withTheAllowedOnes() throws IOException {
        caseDir("typo", "description: d\nexpect:\n  outcome: PASS\n  whn: []\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .hasMessageContaining("unknown field 'expect.whn'")
                .hasMessageContaining("when");
    }

    @Test
    void unknownOutcome_listsTheValidNames() throws IOException {
        caseDir("bad", "description: d\nexpect: {outcome: CRASH}\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .hasMessageContaining("'expect.outcome' is 'CRASH'")
                .hasMessageContaining("LINK_ARCH_MISMATCH");
    }

    @Test
    void ruleWithBadVersionRange_namesTheRule() throws IOException {
        caseDir(
                "range",
                "description: d\nexpect:\n  outcome: PASS\n  when:\n    - go: \"=>1.21\"\n      outcome: GO_PANIC\n");
        assertThatThrownBy(() -> loader.directory(dir)).hasMessageContaining("'expect.when[0]");
    }

    @Test
    void librarySourceThatDoesNotExist_isNamed() throws IOException {
        caseDir("lib", "description: d\nlibrary: {name: hello, sources: [nope.c]}\nexpect: {outcome: PASS}\n");
        assertThatThrownBy(() -> loader.directory(dir)).hasMessageContaining("'library.sources' names nope.c");
    }

    @Test
    void librarySourceNextToTheGoFiles_isRefused_becauseCgoWouldCompileIt() throws IOException {
        Path d =
                caseDir("lib", "description: d\nlibrary: {name: hello, sources: [hello.c]}\nexpect: {outcome: PASS}\n");
        Files.writeString(d.resolve("hello.c"), "int x;\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .hasMessageContaining("move it into a subdirectory (for example c/hello.c)");
    }

    @Test
    void unknownCaseId_listsKnownOnes_andNamesTheProperty() {
        assertThatThrownBy(() -> loader.load(null, List.of("no-such-case")))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining("'no-such-case' in m1go.cases")
                .hasMessageContaining("c-abort");
    }

    @Test
    void userCase_replacesTheBundledOneOfTheSameId() throws Exception {
        caseDir("c-abort", "description: mine\nexpect: {outcome: PASS}\n");
        ReproCase c = loader.load(dir, List.of("c-abort")).get(0);
        assertThat(c.description()).isEqualTo("mine");
        assertThat(c.origin()).isEqualTo(dir.toString());
    }

    @Test
    void emptyUserDirectory_isAnError_namingTheProperty() {
        assertThatThrownBy(() -> loader.directory(dir)).hasMessageContaining("m1go.casesDirectory");
        assertThatThrownBy(() -> loader.directory(dir.resolve("missing"))).hasMessageContaining("not a directory");
    }

    @Test
    void goVersions_limitsTheToolchainsACaseIsPlannedFor() throws Exception {
        caseDir("heavy", """
                description: d
                goVersions: "1.23, >=1.26"
                expect: {outcome: PASS}
                """);
        ReproCase c = loader.directory(dir).get(0);
        assertThat(c.notPlannedFor(GoVersion.parse("go1.23.5").orElseThrow())).isEmpty();
        assertThat(c.notPlannedFor(GoVersion.parse("go1.27.3").orElseThrow())).isEmpty();
        assertThat(c.notPlannedFor(GoVersion.parse("go1.22.12").orElseThrow()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("heavy", "1.23, >=1.26", "goVersions"));
    }

    @Test
    void goVersions_leftOut_plansEveryToolchain() throws Exception {
        caseDir("light", "description: d\nexpect: {outcome: PASS}\n");
        assertThat(loader.directory(dir)
                        .get(0)
                        .notPlannedFor(GoVersion.parse("go1.19.8").orElseThrow()))
                .isEmpty();
    }

    @Test
    void goVersions_unreadable_namesFileAndField() throws Exception {
        Path d = caseDir("bad-range", "description: d\ngoVersions: \">=one\"\nexpect: {outcome: PASS}\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining(d.resolve("case.yaml").toString())
                .hasMessageContaining("field 'goVersions'");
    }

    @Test
    void bundledCatalog_everyCaseHasItsReadme_andAMarker() throws CaseDefinitionException {
        List<ReproCase> cases = loader.bundled();
        assertThat(cases)
                .extracting(ReproCase::id)
                .contains(
                        "abi-layout",
                        "c-hang",
                        "c-segv",
                        "c-sigbus",
                        "callback-thread",
                        "cflags-cxx-pollution",
                        "cgocheck-pointer",
                        "cgocheck-result",
                        "go-nil-deref",
                        "os-exec-child",
                        "preempt-storm",
                        "signal-onstack",
                        "sqlite-cgo-vs-purego");
        for (ReproCase c : cases) {
            assertThat(c.files()).as(c.id()).containsKey("README.md");
            String go = c.files().entrySet().stream()
                    .filter(f -> f.getKey().endsWith(".go"))
                    .map(f -> new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .reduce("", String::concat);
            assertThat(go).as(c.id() + " prints its marker").contains("\"" + c.marker() + "\"");
        }
    }

    @Test
    void caseTemplate_isAValidCaseDirectory_andNotBundled() throws Exception {
        Path template = Path.of("..", "reproducer-cases", "template");
        ReproCase c = loader.directory(template).get(0);
        assertThat(c.id()).isEqualTo("my-case");
        assertThat(c.library().sources()).containsExactly("c/mylib.c");
        assertThat(c.variants()).extracting(Variant::name).containsExactly("default", "asyncpreemptoff");
        assertThat(c.timeoutOpt()).hasValue(java.time.Duration.ofSeconds(30));
        assertThat(c.markerOnStderr()).isFalse();
        assertThat(c.expectation().otherwise().outputMismatch("M1GO_FACT answer=42\nM1GO_OK\n"))
                .isEmpty();
        assertThat(c.expectation().rules())
                .anySatisfy(r -> assertThat(r.then().outcomes()).hasSize(2));
        assertThat(loader.bundled()).extracting(ReproCase::id).doesNotContain("my-case");
    }

    private static CellFacts anyCell() {
        return new CellFacts(
                GoVersion.parse("go1.22.12").orElseThrow(),
                Arch.AMD64,
                Os.LINUX,
                Arch.AMD64,
                "native",
                "default",
                "gcc");
    }

    @Test
    void anyOf_acceptsEachListedOutcome_inTheDefaultAndInRules() throws Exception {
        caseDir("two-ways", """
                description: d
                expect:
                  anyOf: [CGO_SIGNAL, GO_SIGNAL]
                  when:
                    - runner: qemu
                      anyOf: [EMULATOR_FAULT, KILLED]
                """);
        Expectation e = loader.directory(dir).get(0).expectation();
        Expectation.Expected otherwise = e.resolve(anyCell());
        assertThat(otherwise.matches(Outcome.CGO_SIGNAL, "SIGSEGV")).isTrue();
        assertThat(otherwise.matches(Outcome.GO_SIGNAL, null)).isTrue();
        assertThat(otherwise.matches(Outcome.PASS, null)).isFalse();
        assertThat(otherwise).hasToString("CGO_SIGNAL or GO_SIGNAL");
        assertThat(e.rules().get(0).then().matches(Outcome.KILLED, "SIGKILL")).isTrue();
    }

    @Test
    void anyOf_andOutcomeTogether_isAnErrorNamingBoth() throws Exception {
        Path d = caseDir("both", "description: d\nexpect:\n  outcome: PASS\n  anyOf: [GO_PANIC]\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .hasMessageContaining(d.resolve("case.yaml").toString())
                .hasMessageContaining("'expect.outcome'")
                .hasMessageContaining("'expect.anyOf'");
    }

    @Test
    void anyOf_unknownOutcome_namesItsIndex() throws Exception {
        caseDir("bad", "description: d\nexpect:\n  anyOf: [PASS, SEGFAULT]\n");
        assertThatThrownBy(() -> loader.directory(dir)).hasMessageContaining("'expect.anyOf[1]' is 'SEGFAULT'");
    }

    @Test
    void marker_onStderr() throws Exception {
        caseDir("err", "description: d\nmarker:\n  text: ALL DONE\n  stream: stderr\nexpect: {outcome: PASS}\n");
        ReproCase c = loader.directory(dir).get(0);
        assertThat(c.marker()).isEqualTo("ALL DONE");
        assertThat(c.markerOnStderr()).isTrue();
    }

    @Test
    void marker_unknownStream_namesTheField() throws Exception {
        caseDir("err", "description: d\nmarker: {text: X, stream: both}\nexpect: {outcome: PASS}\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .hasMessageContaining("'marker.stream' is 'both'")
                .hasMessageContaining("use stdout (the default) or stderr");
    }

    @Test
    void output_andOutputNot_areRegularExpressionsOverTheCombinedOutput_rulesInheritThem() throws Exception {
        caseDir("out", """
                description: d
                expect:
                  outcome: PASS
                  output: "^sum = 6$"
                  outputNot: "(?i)warning"
                  when:
                    - runner: qemu
                      outcome: PASS
                """);
        Expectation e = loader.directory(dir).get(0).expectation();
        Expectation.Expected x = e.resolve(anyCell());
        assertThat(x.outputMismatch("start\nsum = 6\n")).isEmpty();
        assertThat(x.outputMismatch("sum = 7\n"))
                .hasValueSatisfying(m ->
                        assertThat(m).contains("does not match expect.output").contains("^sum = 6$"));
        assertThat(x.outputMismatch("sum = 6\nWARNING: low memory\n"))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("matches expect.outputNot").contains("WARNING: low memory"));
        assertThat(e.rules().get(0).then().outputMismatch("sum = 7")).isPresent();
    }

    @Test
    void output_invalidRegex_namesTheField() throws Exception {
        caseDir("out", "description: d\nexpect:\n  outcome: PASS\n  output: \"sum = (6\"\n");
        assertThatThrownBy(() -> loader.directory(dir))
                .hasMessageContaining("'expect.output'")
                .hasMessageContaining("regular expression");
    }

    private static final String MINIMAL = "description: d\nexpect: {outcome: PASS}\n";

    @Test
    void symlinkOutOfTheCase_isRefused_namingTheLink() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root only");
        Path c = caseDir("leaky", MINIMAL);
        Files.writeString(c.resolve("main.go"), "package main\nfunc main() {}\n");
        Path link = Files.createSymbolicLink(c.resolve("data.txt"), secret);
        assertThatThrownBy(() -> loader.loadCase(c, "user"))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessage(link + " is a symbolic link to " + secret + ", outside the case directory: m1go does not "
                        + "follow links out of a case (the target would be copied into its output); copy the file into "
                        + "the case or remove the link");
    }

    @Test
    void symlinkToADirectoryOutside_isRefused_too() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.go"), "package main\n");
        Path c = caseDir("leaky-dir", MINIMAL);
        Files.writeString(c.resolve("main.go"), "package main\nfunc main() {}\n");
        Files.createSymbolicLink(c.resolve("sub"), elsewhere);
        assertThatThrownBy(() -> loader.loadCase(c, "user"))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining("sub is a symbolic link to " + elsewhere + ", outside the case directory");
    }

    @Test
    void symlinkToAFileOfTheSameCase_isReadAsThatFile() throws Exception {
        Path c = caseDir("linked", MINIMAL);
        Files.writeString(c.resolve("main.go"), "package main\nfunc main() {}\n");
        Files.createDirectories(c.resolve("c"));
        Files.writeString(c.resolve("c/impl.c"), "int x;\n");
        Files.createSymbolicLink(c.resolve("c/alias.c"), Path.of("impl.c"));
        ReproCase rc = loader.loadCase(c, "user");
        assertThat(new String(rc.files().get("c/alias.c"))).isEqualTo("int x;\n");
    }

    @Test
    void caseFileOverTheLimit_isRefused_namingItsSize() throws Exception {
        Path c = caseDir("huge", MINIMAL);
        Files.writeString(c.resolve("main.go"), "package main\nfunc main() {}\n");
        Path big = c.resolve("blob.bin");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(CaseFiles.MAX_FILE_BYTES + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> loader.loadCase(c, "user"))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessage(big + " is " + (CaseFiles.MAX_FILE_BYTES + 1) + " bytes; a case file may hold at most 32 "
                        + "MiB: keep large data out of the case directory");
    }

    @Test
    void copies_areReadableByTheirOwnerOnly() throws Exception {
        Path c = caseDir("private", MINIMAL);
        Path main = Files.writeString(c.resolve("main.go"), "package main\nfunc main() {}\n");
        Files.setPosixFilePermissions(main, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path copy = dir.resolve("copy");
        loader.loadCase(c, "user").writeTo(copy);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(copy.resolve("main.go"))))
                .isEqualTo("rw-------");
    }
}
