package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.cases.CaseLoader;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.Outcome;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.runner.Runner;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache through the engine, with a fake process runner: what a second run takes from the cache, and each
 * input whose change makes it build again.
 */
class BuildCacheTest {

    @TempDir
    Path dir;

    private Path bin;
    private Path cases;
    private Path goroot;
    private final List<ProcessSpec> started = Collections.synchronizedList(new ArrayList<>());
    private String gccVersion = "gcc (Debian 12.2.0-14) 12.2.0";
    private boolean failLink;
    private boolean rebuild;
    private boolean staticLink;
    private boolean inherit;
    private long cacheMaxBytes = MatrixRequest.DEFAULT_CACHE_MAX_BYTES;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void fakeToolsAndCase() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("gcc", "ar")) {
            Path t = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        goroot = dir.resolve("go");
        Files.createDirectories(goroot.resolve("bin"));
        Files.writeString(goroot.resolve("bin/go"), "go binary 1");
        cases = dir.resolve("cases");
        write("case.yaml", """
                description: "A library, a header, a build environment and a variant."
                library:
                  name: hello
                  sources: [c/hello.c]
                build:
                  env: {CGO_CFLAGS: "-O2"}
                variants:
                  - name: checked
                    buildEnv: {GOEXPERIMENT: cgocheck2}
                expect:
                  outcome: PASS
                """);
        write(
                "main.go",
                "package main\n\n/*\n#cgo LDFLAGS: ${SRCDIR}/libhello.a\n#include \"hello.h\"\n*/\n"
                        + "import \"C\"\n\nfunc main() { C.m1go_hello(); println(\"M1GO_OK\") }\n");
        write("hello.h", "void m1go_hello(void);\n");
        write("c/hello.c", "#include \"hello.h\"\nvoid m1go_hello(void) {}\n");
        write("go.mod", "module example.com/mine\n\ngo 1.19\n");
        environment.put("PATH", bin.toString());
        environment.put("HOME", dir.toString());
    }

    private void write(String name, String content) throws IOException {
        Path f = cases.resolve("mine").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    private static ProcessResult ok(String stdout) {
        return new ProcessResult(0, null, false, stdout, "", 5);
    }

    /** Plays gcc, ar and go build (the binary names its build) and the built binaries, writing logs as the real runner. */
    private ProcessResult fake(ProcessSpec s) {
        ProcessResult r = play(s);
        try {
            Files.writeString(s.stdoutLog(), r.stdout());
            Files.writeString(s.stderrLog(), r.stderr());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return r;
    }

    private ProcessResult play(ProcessSpec s) {
        List<String> argv = s.argv();
        if (argv.contains("--version")) {
            return ok(gccVersion + "\n");
        }
        started.add(s);
        if (argv.get(0).endsWith("/bin/go")) {
            if (failLink) {
                return new ProcessResult(
                        1,
                        null,
                        false,
                        "",
                        "/usr/bin/ld: cannot find -lmissing: No such file or "
                                + "directory\ncollect2: error: ld returned 1 exit status\n",
                        5);
            }
            try {
                Files.writeString(Path.of(argv.get(argv.indexOf("-o") + 1)), "binary " + started.size());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ok("");
        }
        if (argv.get(0).equals("gcc") || argv.get(0).equals("ar")) {
            return ok("");
        }
        return ok("M1GO_OK\n");
    }

    /** A native runner that wants a static binary when the test says so, as the container runner does. */
    private final Runner nativeRunner = new Runner() {
        public String name() {
            return "native";
        }

        public boolean appliesTo(Os os, Arch arch) {
            return arch == Arch.AMD64;
        }

        public Availability availability(Os os, Arch arch) {
            return Availability.yes();
        }

        public boolean translates(Arch arch) {
            return false;
        }

        @Override
        public boolean needsStaticBinary() {
            return staticLink;
        }

        public ProcessResult run(ProcessSpec spec, Arch arch) {
            return fake(spec);
        }
    };

    private final List<String> notes = new ArrayList<>();

    private List<CellResult> run() throws Exception {
        Host host = new Host(
                Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                List.of(),
                List.of(new BinfmtEntry("qemu-aarch64", true, "/x", "PF", Arch.ARM64)),
                Map.of(),
                new TreeMap<>());
        Runners all = new Runners(host, this::fake, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, environment, this::fake, dir.resolve("logs"));
        Toolchain go = new Toolchain("go1.22.12", goroot, Arch.AMD64, "test", Map.of(), null);
        MatrixRequest request = MatrixRequest.builder()
                .outputDirectory(dir.resolve("out"))
                .cacheDirectory(dir.resolve("cache"))
                .cases(new CaseLoader().load(cases, List.of("mine")))
                .toolchains(List.of(go))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64)))
                .runners(List.of(nativeRunner))
                .runTimeout(Duration.ofSeconds(5))
                .buildTimeout(Duration.ofSeconds(5))
                .quitGrace(Duration.ofSeconds(1))
                .threads(2)
                .inheritEnvironment(inherit)
                .environment(environment)
                .home(dir)
                .rebuild(rebuild)
                .cacheMaxBytes(cacheMaxBytes)
                .build();
        MatrixEngine engine = new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all);
        started.clear();
        notes.clear();
        return engine.run(request, engine.plan(request), new MatrixListener() {
            @Override
            public void finished(CellResult result, int done, int total) {}

            @Override
            public void note(String note) {
                notes.add(note);
            }
        });
    }

    /** How many build processes (C compiler, archiver, go build) the last run started. */
    private long builds() {
        return started.stream()
                .filter(s -> s.argv().contains("build")
                        || s.argv().contains("-c")
                        || s.argv().contains("rcs"))
                .count();
    }

    /** The cache's entries, in name order. */
    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("cache/builds"))) {
            return s.sorted().toList();
        }
    }

    /** The binary an entry keeps. */
    private static Path binaryIn(Path entry) throws IOException {
        try (Stream<Path> b = Files.list(entry.resolve("bin"))) {
            return b.findFirst().orElseThrow();
        }
    }

    private long goBuilds() {
        return started.stream().filter(s -> s.argv().contains("build")).count();
    }

    @Test
    void nothingChanged_secondRunStartsNoBuildProcess_andGivesTheSameResults() throws Exception {
        List<CellResult> first = run();
        assertThat(goBuilds()).isEqualTo(2);
        assertThat(first).allSatisfy(c -> assertThat(c.build().cached()).isFalse());

        List<CellResult> second = run();
        assertThat(builds()).isZero();
        assertThat(started).as("only the two binaries ran").hasSize(2);
        assertThat(second)
                .extracting(CellResult::outcome)
                .containsExactlyElementsOf(
                        first.stream().map(CellResult::outcome).toList());
        assertThat(second).allSatisfy(c -> {
            assertThat(c.build().cached()).isTrue();
            assertThat(c.build().cacheKey()).hasSize(64);
            assertThat(dir.resolve("out").resolve(c.build().binary())).isRegularFile();
            assertThat(dir.resolve("out").resolve(c.build().stderrLog())).isRegularFile();
        });
        assertThat(second)
                .extracting(c -> c.build().cacheKey())
                .containsExactlyElementsOf(
                        first.stream().map(c -> c.build().cacheKey()).toList());
    }

    @Test
    void aCacheThatCannotBeWritten_costsOnlyTheCache_theCellsAreMeasured_andTheReportSaysWhy() throws Exception {
        // Before: "builds" being a file stopped the whole matrix with 0 cells although every binary was built.
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/builds"), "not a directory");
        List<CellResult> r = run();
        assertThat(r).isNotEmpty().allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASS));
        assertThat(notes)
                .singleElement()
                .asString()
                .contains("could not keep")
                .contains("results are unaffected")
                .contains("m1go.cacheDirectory");
    }

    @Test
    void changedCFile_rebuilds() throws Exception {
        run();
        write("c/hello.c", "#include \"hello.h\"\nvoid m1go_hello(void) { }\n");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedHeader_rebuilds() throws Exception {
        run();
        write("hello.h", "void m1go_hello(void); /* changed */\n");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedGoFile_rebuilds() throws Exception {
        run();
        write("main.go", Files.readString(cases.resolve("mine/main.go")) + "// changed\n");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedGoMod_rebuilds() throws Exception {
        run();
        write("go.mod", "module example.com/mine\n\ngo 1.21\n");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedToolchainBinary_rebuilds() throws Exception {
        run();
        Files.writeString(goroot.resolve("bin/go"), "go binary 2, same version string");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedCCompiler_rebuilds() throws Exception {
        run();
        gccVersion = "gcc (Debian 13.1.0-1) 13.1.0";
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedCaseBuildEnv_rebuilds_butWhatTheCaseExpectsDoesNot() throws Exception {
        run();
        String yaml = Files.readString(cases.resolve("mine/case.yaml"));
        write("case.yaml", yaml.replace("outcome: PASS", "outcome: PASS\n  because: it links"));
        run();
        assertThat(builds()).as("only the expectation changed").isZero();
        write("case.yaml", yaml.replace("-O2", "-O0"));
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void changedVariant_rebuildsThatVariantOnly() throws Exception {
        run();
        String yaml = Files.readString(cases.resolve("mine/case.yaml"));
        write("case.yaml", yaml.replace("GOEXPERIMENT: cgocheck2", "GOEXPERIMENT: cgocheck2,loopvar"));
        List<CellResult> r = run();
        assertThat(goBuilds()).isEqualTo(1);
        assertThat(r)
                .filteredOn(c -> c.key().variant().equals("checked"))
                .allSatisfy(c -> assertThat(c.build().cached()).isFalse());
        assertThat(r)
                .filteredOn(c -> c.key().variant().equals("default"))
                .allSatisfy(c -> assertThat(c.build().cached()).isTrue());
    }

    @Test
    void changedLinkMode_rebuilds() throws Exception {
        run();
        staticLink = true;
        run();
        assertThat(goBuilds()).isEqualTo(2);
        assertThat(started.stream().filter(s -> s.argv().contains("build")))
                .allSatisfy(s -> assertThat(s.argv()).contains("-extldflags=-static"));
    }

    @Test
    void inheritedEnvironment_cgoFlagsAreInputs_unrelatedVariablesAreNot() throws Exception {
        inherit = true;
        environment.put("CGO_LDFLAGS", "-g");
        run();
        environment.put("TERM", "xterm");
        run();
        assertThat(builds()).isZero();
        environment.put("CGO_LDFLAGS", "-g -s");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void failedLink_isCachedToo() throws Exception {
        failLink = true;
        List<CellResult> first = run();
        assertThat(first).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.LINK_ERROR));
        List<CellResult> second = run();
        assertThat(builds()).isZero();
        assertThat(second).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.LINK_ERROR);
            assertThat(c.diagnosis().summary())
                    .isEqualTo(first.get(0).diagnosis().summary());
            assertThat(c.build().cached()).isTrue();
            assertThat(c.build().binary()).isNull();
            assertThat(Files.readString(dir.resolve("out").resolve(c.build().stderrLog())))
                    .contains("cannot find -lmissing");
        });
    }

    @Test
    void rebuild_ignoresTheCache() throws Exception {
        run();
        rebuild = true;
        List<CellResult> r = run();
        assertThat(goBuilds()).isEqualTo(2);
        assertThat(r).allSatisfy(c -> assertThat(c.build().cached()).isFalse());
    }

    @Test
    void entryLeftHalfWritten_orWithAChangedBinary_isNotTrusted() throws Exception {
        run();
        List<Path> entries = entries();
        assertThat(entries).hasSize(2);
        // One entry as a killed run leaves it (everything but entry.json), one whose binary changed on disk.
        Files.delete(entries.get(0).resolve(BuildCache.ENTRY));
        Files.writeString(binaryIn(entries.get(1)), "truncated");
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void placedBinary_leavesAStampThatTheNextRunTrusts_withoutHashingItAgain() throws Exception {
        run();
        run();
        run();
        for (Path entry : entries()) {
            Path binary = binaryIn(entry);
            // Taken after the hard link into the output directory was made (which changes the change time), so it
            // still describes the file now: the next restore compares stamps and reads no byte of it.
            assertThat(Files.readString(entry.resolve(BuildCache.VERIFIED)))
                    .isEqualTo(dev.m1go.core.FileStamp.of(binary) + " " + dev.m1go.core.Sha256.hex(binary));
        }
    }

    @Test
    void verifiedBinary_rewrittenWithItsOldSizeAndModificationTime_isNotTrusted() throws Exception {
        run();
        run(); // the hit hashes each binary once and remembers what it saw
        assertThat(goBuilds()).isZero();
        Path entry = entries().get(0);
        assertThat(entry.resolve(BuildCache.VERIFIED)).isRegularFile();
        Path binary = binaryIn(entry);
        byte[] same = Files.readAllBytes(binary);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(binary);
        same[same.length - 1] ^= 1;
        Files.write(binary, same);
        Files.setLastModifiedTime(binary, time);

        List<CellResult> r = run();

        assertThat(goBuilds())
                .as("the changed binary is built again, the other one comes from the cache")
                .isEqualTo(1);
        assertThat(r).filteredOn(c -> c.build().cached()).isNotEmpty();
    }

    @Test
    void cacheBeyondItsLimit_losesTheLeastRecentlyUsedEntries() throws Exception {
        run();
        cacheMaxBytes = 1;
        run();
        try (Stream<Path> s = Files.list(dir.resolve("cache/builds"))) {
            assertThat(s.filter(p -> !p.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
        cacheMaxBytes = MatrixRequest.DEFAULT_CACHE_MAX_BYTES;
        run();
        assertThat(goBuilds()).isEqualTo(2);
    }

    @Test
    void key_namesEveryInput_andChangesWithEachOne() {
        BuildKey a = BuildKey.named().put("x", "1").put("y", "2").key();
        BuildKey b = BuildKey.named().put("y", "2").put("x", "1").key();
        BuildKey c = BuildKey.named().put("x", "1").put("y", "3").key();
        BuildKey d = BuildKey.named().put("x", "1=y").key();
        BuildKey e = BuildKey.named().put("x", "1").put("=y", "").key();
        assertThat(a.digest()).isEqualTo(b.digest()).isNotEqualTo(c.digest());
        assertThat(d.digest()).isNotEqualTo(e.digest());
        assertThat(a.inputs()).containsEntry("x", "1").containsEntry("y", "2");
    }
}
