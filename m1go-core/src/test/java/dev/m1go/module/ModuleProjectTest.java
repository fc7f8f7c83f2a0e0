package dev.m1go.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.ReproCase;
import dev.m1go.classify.Outcome;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module mode's planning with a fake {@code go list}: what becomes a case, what is copied, what is refused. */
class ModuleProjectTest {

    @TempDir
    Path dir;

    private Path module;
    private Path out;
    private final List<ProcessSpec> started = new ArrayList<>();
    private final Toolchain go =
            new Toolchain("go1.26.8", Path.of("/usr/local/go"), Arch.AMD64, "test", Map.of(), null);

    @BeforeEach
    void aModule() throws Exception {
        module = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(module.resolve("go.mod"), "module example.com/shop/v2\n\ngo 1.22\n");
        Files.createDirectories(module.resolve("cmd/server"));
        Files.writeString(module.resolve("cmd/server/main.go"), "package main\nfunc main() {}\n");
        Files.writeString(module.resolve("shop.go"), "package shop\n");
        Files.writeString(module.resolve("shop_test.go"), "package shop\n");
        Files.createDirectories(module.resolve(".git"));
        Files.writeString(module.resolve(".git/config"), "[core]\n");
        out = Files.createDirectories(module.resolve("target/m1go"));
        Files.writeString(out.resolve("old-report.json"), "{}");
    }

    /** Plays {@code go list}: the copy's directories with their package names and test file counts. */
    private ProcessResult goList(ProcessSpec s) {
        started.add(s);
        Path copy = s.workingDirectory();
        String root = copy + "\tshop\t1\t0\n";
        return new ProcessResult(
                0,
                null,
                false,
                s.argv().contains(".") ? root : copy.resolve("cmd/server") + "\tmain\t0\t0\n" + root,
                "",
                1);
    }

    private ModuleProject.Settings settings(List<String> packages, List<String> tests) {
        return new ModuleProject.Settings(
                module, packages, tests, List.of("--port", "0"), List.of("-mod=mod"), "^TestA", 2, "30s", Map.of());
    }

    private List<ReproCase> cases(ModuleProject.Settings s) throws Exception {
        return new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir)
                .cases(s, out, go, Launch.direct(), dir.resolve("cache"));
    }

    @Test
    void mainPackagesAndTestBinaries_becomeCases_namedAfterTheirDirectory() throws Exception {
        List<ReproCase> cases = cases(settings(List.of("./..."), List.of("./...")));
        assertThat(cases).extracting(ReproCase::id).containsExactly("cmd/server", "shop.test");
        ReproCase server = cases.get(0);
        assertThat(server.unit().test()).isFalse();
        assertThat(server.unit().args()).containsExactly("--port", "0");
        assertThat(server.expectation().otherwise().outcome()).isEqualTo(Outcome.PASS);
        ReproCase tests = cases.get(1);
        assertThat(tests.unit().pkg()).isEqualTo(".");
        assertThat(tests.unit().testArgs())
                .containsExactly("-test.v", "-test.run=^TestA", "-test.count=2", "-test.timeout=30s");
        assertThat(started.get(0).argv()).contains("list", "./...");
        assertThat(started.get(0).environment())
                .containsEntry("GOFLAGS", "-mod=mod")
                .containsEntry("GOTOOLCHAIN", "local");
    }

    @Test
    void theModuleIsCopied_withoutGitAndM1gosOutput_andLeftUntouched() throws Exception {
        List<String> before;
        try (var w = Files.walk(module)) {
            before = w.map(Path::toString).sorted().toList();
        }
        cases(settings(List.of(), List.of("./...")));
        Path copy = out.resolve("module/src");
        assertThat(copy.resolve("go.mod")).exists();
        assertThat(copy.resolve("cmd/server/main.go")).exists();
        assertThat(copy.resolve(".git")).doesNotExist();
        assertThat(copy.resolve("target/m1go")).doesNotExist();
        try (var w = Files.walk(module)) {
            assertThat(w.map(Path::toString)
                            .filter(p -> !p.startsWith(out.toString()))
                            .sorted()
                            .toList())
                    .isEqualTo(before.stream()
                            .filter(p -> !p.startsWith(out.toString()))
                            .toList());
        }
    }

    /**
     * Go's build cache keys a main-module package on its directory: a copy inside each output directory made every
     * other output directory compile the module's C again. An unchanged module builds in the same place from any
     * output directory; a changed file anywhere in it (a header outside the package directory too) builds elsewhere.
     */
    @Test
    void unchangedModule_buildsInTheSameDirectory_fromAnyOutputDirectory_andAChangedFileElsewhere() throws Exception {
        Path cache = dir.resolve("cache");
        Files.createDirectories(module.resolve("include"));
        Files.writeString(module.resolve("include/shop.h"), "#define SHOP 1\n");
        Path first;
        try (ModuleProject p = new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir)) {
            first = p.cases(
                            settings(List.of(), List.of("./...")),
                            dir.resolve("one/target/m1go"),
                            go,
                            Launch.direct(),
                            cache)
                    .get(0)
                    .unit()
                    .root();
            assertThat(p.copyNote()).isNull();
        }
        Path second;
        try (ModuleProject p = new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir)) {
            second = p.cases(
                            settings(List.of(), List.of("./...")),
                            dir.resolve("two/target/m1go"),
                            go,
                            Launch.direct(),
                            cache)
                    .get(0)
                    .unit()
                    .root();
        }
        assertThat(second).isEqualTo(first).startsWith(cache.resolve("module-copies"));
        assertThat(second.resolve("include/shop.h")).hasContent("#define SHOP 1\n");
        assertThat(dir.resolve("two/target/m1go/module/src/go.mod"))
                .as("a link for people")
                .exists();

        Files.writeString(module.resolve("include/shop.h"), "#define SHOP 2\n");
        try (ModuleProject p = new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir)) {
            Path changed = p.cases(
                            settings(List.of(), List.of("./...")),
                            dir.resolve("two/target/m1go"),
                            go,
                            Launch.direct(),
                            cache)
                    .get(0)
                    .unit()
                    .root();
            assertThat(changed).isNotEqualTo(first);
            assertThat(changed.resolve("include/shop.h")).hasContent("#define SHOP 2\n");
        }
    }

    @Test
    void aSecondRunAtOnce_buildsInItsOutputDirectory_sayingWhy() throws Exception {
        Path cache = dir.resolve("cache");
        try (ModuleProject holder = new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir);
                ModuleProject other = new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir)) {
            Path shared = holder.cases(
                            settings(List.of(), List.of("./...")),
                            dir.resolve("one/target/m1go"),
                            go,
                            Launch.direct(),
                            cache)
                    .get(0)
                    .unit()
                    .root();
            Path own = other.cases(
                            settings(List.of(), List.of("./...")),
                            dir.resolve("two/target/m1go"),
                            go,
                            Launch.direct(),
                            cache)
                    .get(0)
                    .unit()
                    .root();
            assertThat(own).isEqualTo(dir.resolve("two/target/m1go/module/src"));
            assertThat(Files.isSymbolicLink(own)).isFalse();
            assertThat(own.resolve("shop.go")).exists();
            assertThat(other.copyNote())
                    .contains("Another m1go run is building this module")
                    .contains(shared.toString())
                    .contains("compiled again");
            assertThat(shared.resolve("shop.go"))
                    .as("the holder's copy is left alone")
                    .exists();
        }
    }

    @Test
    void atMostFourCopiesAreKept_theLeastRecentlyUsedGoFirst() throws Exception {
        Path cache = dir.resolve("cache");
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Files.writeString(module.resolve("shop.go"), "package shop\n// " + i + "\n");
            try (ModuleProject p = new ModuleProject(this::goList, Map.of("PATH", "/usr/bin"), dir)) {
                roots.add(p.cases(settings(List.of(), List.of("./...")), out, go, Launch.direct(), cache)
                        .get(0)
                        .unit()
                        .root());
            }
            Thread.sleep(20);
        }
        assertThat(roots.subList(0, 2)).allSatisfy(r -> assertThat(r).doesNotExist());
        assertThat(roots.subList(2, 6))
                .allSatisfy(r -> assertThat(r.resolve("shop.go")).exists());
    }

    @Test
    void moduleCopy_symlinkOutOfTheModule_isRefusedNamingTheLink() throws Exception {
        Path secret = Files.writeString(dir.resolve("shadow"), "root:secret\n");
        Path link = Files.createSymbolicLink(module.resolve("leak-shadow"), secret);
        assertThatThrownBy(() -> cases(settings(List.of(), List.of("./..."))))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining(link.toString())
                .hasMessageContaining(secret.toString())
                .hasMessageContaining("outside m1go.module");
        Path copied = out.resolve("module/src/leak-shadow");
        assertThat(Files.exists(copied, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .as("nothing of the link is copied")
                .isFalse();
    }

    @Test
    void moduleCopy_directorySymlinkOutOfTheModule_isRefused_evenWhenItsTargetIsGone() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(module.resolve("third_party"), outside);
        assertThatThrownBy(() -> cases(settings(List.of(), List.of("./..."))))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining(module.resolve("third_party") + " is a symbolic link to " + outside);
        Files.delete(outside);
        assertThatThrownBy(() -> cases(settings(List.of(), List.of("./..."))))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining(module.resolve("third_party") + " is a symbolic link to " + outside);
    }

    @Test
    void moduleCopy_linksInsideTheModule_areRecreated_pointingIntoTheCopy() throws Exception {
        Files.createDirectories(module.resolve("internal/real"));
        Files.writeString(module.resolve("internal/real/real.go"), "package real\n");
        Files.createDirectories(module.resolve("pkg"));
        Files.createSymbolicLink(module.resolve("pkg/alias"), Path.of("../internal/real"));
        Files.createSymbolicLink(module.resolve("README.link"), module.resolve("shop.go"));
        Files.createSymbolicLink(module.resolve(".#shop.go"), Path.of("user@host.1234:1700000000"));
        cases(settings(List.of(), List.of("./...")));
        Path copy = out.resolve("module/src").toRealPath();
        assertThat(Files.isSymbolicLink(copy.resolve("pkg/alias"))).isTrue();
        assertThat(Files.readSymbolicLink(copy.resolve("pkg/alias"))).isEqualTo(Path.of("../internal/real"));
        assertThat(copy.resolve("pkg/alias/real.go")).hasContent("package real\n");
        assertThat(Files.readSymbolicLink(copy.resolve("README.link")))
                .as("an absolute link to the module points " + "into the copy, not back at the module")
                .isEqualTo(Path.of("shop.go"));
        assertThat(copy.resolve("README.link").toRealPath()).isEqualTo(copy.resolve("shop.go"));
        assertThat(Files.readSymbolicLink(copy.resolve(".#shop.go"))).isEqualTo(Path.of("user@host.1234:1700000000"));
    }

    @Test
    void moduleCopy_aFifoInTheModule_isRefusedByName() throws Exception {
        Path fifo = module.resolve("cmd/server/control.pipe");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo here");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo));
        assertThatThrownBy(() -> cases(settings(List.of(), List.of("./..."))))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining(fifo + " is not a regular file, directory or symbolic link");
    }

    @Test
    void moduleCopy_relativeReplaceOutOfTheModule_pointsAtTheOriginalDirectory_andTheModuleIsNotWritten()
            throws Exception {
        String goMod = """
                module example.com/shop/v2

                go 1.22

                require example.com/dep v0.0.0

                replace example.com/dep => ../dep // local checkout

                replace (
                \texample.com/other v1.2.3 => "../other dir"
                \texample.com/inner => ./inner
                \texample.com/remote => example.com/fork v1.0.0
                \texample.com/abs => /srv/abs
                )
                """;
        Files.writeString(module.resolve("go.mod"), goMod);
        Files.createDirectories(module.resolve("vendor"));
        Files.writeString(module.resolve("vendor/modules.txt"), """
                # example.com/dep v0.0.0 => ../dep
                ## explicit; go 1.22
                example.com/dep
                # example.com/dep => ../dep
                """);
        cases(settings(List.of(), List.of("./...")));
        Path copy = out.resolve("module/src");
        Path dep = dir.resolve("dep");
        assertThat(copy.resolve("go.mod"))
                .hasContent(goMod.replace("=> ../dep //", "=> " + dep + " //")
                        .replace("=> \"../other dir\"", "=> \"" + dir.resolve("other dir") + "\""));
        assertThat(copy.resolve("vendor/modules.txt"))
                .hasContent("# example.com/dep v0.0.0 => " + dep + "\n"
                        + "## explicit; go 1.22\nexample.com/dep\n# example.com/dep => " + dep + "\n");
        assertThat(module.resolve("go.mod")).as("the module is never written").hasContent(goMod);
    }

    /**
     * Offline ({@code GOPROXY=off}) {@code -mod=mod} cannot fetch a missing module: the advice is to fill the module
     * cache. The stderr is what go1.26.8's {@code go list} printed with GOPROXY=off for a module whose go.mod
     * ({@code go 1.16}) requires a module missing from the module cache.
     */
    @Test
    void goListFailingOffline_advisesFillingTheModuleCache_notModMod() {
        String stderr = "go: example.com/not-in-cache@v1.0.0: module lookup disabled by GOPROXY=off\n";
        ModuleProject offline = new ModuleProject(
                s -> new ProcessResult(1, null, false, "", stderr, 1),
                Map.of("PATH", "/usr/bin", "GOPROXY", "off"),
                dir);
        assertThatThrownBy(() -> offline.cases(
                        settings(List.of(), List.of("./...")), out, go, Launch.direct(), dir.resolve("cache")))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining("module lookup disabled by GOPROXY=off")
                .hasMessageContaining("Run once online, or run go mod download in the directory of m1go.module")
                .hasMessageNotContaining("pass m1go.goflags=-mod=mod");
        ModuleProject online = new ModuleProject(
                s -> new ProcessResult(1, null, false, "", "go: errors parsing " + "go.mod\n", 1),
                Map.of("PATH", "/usr/bin"),
                dir);
        assertThatThrownBy(() -> online.cases(
                        settings(List.of(), List.of("./...")), out, go, Launch.direct(), dir.resolve("cache")))
                .hasMessageContaining("m1go.goflags=-mod=mod / -mod=vendor");
    }

    @Test
    void aDirectoryWithoutGoMod_isRefused_namingTheParameter() throws Exception {
        Files.delete(module.resolve("go.mod"));
        assertThatThrownBy(() -> cases(settings(List.of(), List.of("./..."))))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining("m1go.module is " + module)
                .hasMessageContaining("no go.mod");
    }

    @Test
    void nothingNamed_orNoMainPackage_isRefused_namingTheProperties() {
        assertThatThrownBy(() -> cases(settings(List.of(), List.of())))
                .hasMessageContaining("m1go.packages=")
                .hasMessageContaining("m1go.tests=");
        assertThatThrownBy(() -> cases(settings(List.of("."), List.of())))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining("m1go.packages=. matches no main " + "package");
    }

    @Test
    void id_ofTheRootPackage_skipsAMajorVersionSuffix() {
        assertThat(ModuleProject.id(".", "example.com/shop/v2")).isEqualTo("shop");
        assertThat(ModuleProject.id(".", "example.com/shop")).isEqualTo("shop");
        assertThat(ModuleProject.id("./cmd/server", "example.com/shop")).isEqualTo("cmd/server");
    }
}
