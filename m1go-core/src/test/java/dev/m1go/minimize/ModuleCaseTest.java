package dev.m1go.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.core.UserError;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.exec.Launch;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.testing.HostComponents;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's test as a standalone case, on a small real module with the Go toolchain of this machine (the test skips
 * without one, and fails under {@code CI=true}): test files keep their build constraints, and a test name that is no
 * test function, or that no test file declares, is a mistake named by its setting.
 */
class ModuleCaseTest {

    @TempDir
    static Path dir;

    private static Toolchain toolchain;
    private static ModuleCase modules;
    private static Path module;

    @BeforeAll
    static void aModuleWithConstrainedTestFiles() throws IOException {
        Path goroot = UnitsTest.goroot();
        HostComponents.require(goroot != null, "a Go toolchain (go on PATH)");
        Host host = new Host(
                dev.m1go.host.Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                List.of(),
                List.of(),
                Map.of(),
                new TreeMap<>());
        toolchain = new Toolchain("go-test", goroot, Arch.AMD64, "PATH", Map.of(), null);
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString());
        GoTool go = GoTool.build(
                new CommonsExecProcessRunner(),
                host,
                toolchain,
                Launch.direct(),
                dir.resolve("cache"),
                env,
                dir,
                dir.resolve("logs"));
        modules = new ModuleCase(new CommonsExecProcessRunner(), env, dir, dir.resolve("cache"), go);
        module = Files.createDirectories(dir.resolve("mod"));
        Files.writeString(module.resolve("go.mod"), "module example.com/mod\n\ngo 1.21\n");
        Files.createDirectories(module.resolve("store"));
        Files.writeString(module.resolve("store/store.go"), "package store\n\nfunc Answer() int { return 41 }\n");
        Files.writeString(module.resolve("store/store_test.go"), """
                package store

                import "testing"

                func TestAnswer(t *testing.T) {
                	if Answer() != 42 {
                		t.Fatal("want 42")
                	}
                }
                """);
        Files.writeString(module.resolve("store/store_amd64_test.go"), "package store\n\nconst arch = \"amd64\"\n");
        Files.writeString(module.resolve("store/store_arm64_test.go"), "package store\n\nconst arch = \"arm64\"\n");
        Files.createSymbolicLink(
                module.resolve("store/credentials.txt"),
                Files.writeString(dir.resolve("outside.txt"), "not the module's"));
        Files.createSymbolicLink(module.resolve("store/inside.txt"), module.resolve("go.mod"));
    }

    private ModuleCase.Standalone standalone(String test) throws UserError, IOException {
        return modules.standalone(
                new MinimizeSettings.ModuleTarget(module, "./store", test, List.of(), List.of()),
                toolchain,
                Launch.direct(),
                Files.createTempDirectory(dir, "work"));
    }

    @Test
    void testFiles_becomeOrdinaryFiles_keepingTheirArchitectureSuffix() throws Exception {
        ModuleCase.Standalone s = standalone("TestAnswer");
        assertThat(s.reproCase().files().keySet())
                .contains(
                        "store/m1gotest_store.go",
                        "store/m1gotest_store_amd64.go",
                        "store/m1gotest_store_arm64.go",
                        "m1go_main.go")
                .noneMatch(f -> f.endsWith("_test.go"));
        assertThat(s.reproCase().runArgs()).containsExactly("-test.run=^TestAnswer$");
        assertThat(s.reproCase().files())
                .as("a link out of the module is not copied into a case posted upstream")
                .doesNotContainKey("store/credentials.txt")
                .containsKey("store/inside.txt");
    }

    @Test
    void aTestNoFileDeclares_orANameThatIsNoTest_isAMistakeNamedBySetting() {
        assertThatThrownBy(() -> standalone("TestMissing"))
                .isInstanceOf(UserError.class)
                .hasMessage(
                        "no test file of store/ declares func TestMissing: check m1go.minimize.test=TestMissing and "
                                + "m1go.tests (the package)");
        assertThatThrownBy(() -> standalone("TestAnswer/sub"))
                .isInstanceOf(UserError.class)
                .hasMessage(
                        "m1go.minimize.test=TestAnswer/sub is not the name of a test function (TestFlush); a subtest runs "
                                + "with its parent: name the top-level test");
        assertThatThrownBy(() -> standalone("Testanswer"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.minimize.test=Testanswer is not the name of a test function");
    }

    @Test
    void filesTheGoCommandIgnores_areReducedAsWholeFilesOnly() {
        assertThat(Units.ignoredByGo("store/testdata/broken.go")).isTrue();
        assertThat(Units.ignoredByGo("vendor/x/y.go")).isTrue();
        assertThat(Units.ignoredByGo("_old/main.go")).isTrue();
        assertThat(Units.ignoredByGo("store/.hidden.go")).isTrue();
        assertThat(Units.ignoredByGo("store/store.go")).isFalse();
        assertThat(Units.ignoredByGo("testdata.go")).isFalse();
    }
}
