package dev.m1go.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.exec.Launch;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.testing.HostComponents;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units of each stage and the candidates left when only some are kept, on real Go and C sources, with m1go's Go
 * reducer built by the Go toolchain on this machine (the test skips without one, and fails under {@code CI=true}).
 */
class UnitsTest {

    @TempDir
    static Path dir;

    private static GoTool go;

    private static final String MAIN = """
            package main

            /*
            #include <stdio.h>
            static int twice(int x) { return 2 * x; }
            static void crash(void) {
                fprintf(stderr, "crashing\\n");
                *(volatile int *)0 = 1;
            }
            */
            import "C"

            import (
            	"fmt"
            	"strings"
            )

            // unused is never called.
            func unused() string { return strings.Repeat("x", 3) }

            func main() {
            	n := C.twice(2)
            	fmt.Println("n", n)
            	if n > 0 {
            		C.crash()
            	}
            }
            """;

    @BeforeAll
    static void buildTheReducer() throws IOException {
        Path goroot = goroot();
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
        Toolchain t = new Toolchain("go-test", goroot, Arch.AMD64, "PATH", Map.of(), null);
        go = GoTool.build(
                new CommonsExecProcessRunner(),
                host,
                t,
                Launch.direct(),
                dir.resolve("cache"),
                Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString()),
                dir,
                dir.resolve("logs"));
    }

    static Path goroot() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path go = Path.of(d).resolve("go");
            if (!d.isEmpty() && Files.isExecutable(go)) {
                try {
                    return go.toRealPath().getParent().getParent();
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Candidate candidate() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("main.go", MAIN.getBytes(StandardCharsets.UTF_8));
        files.put(
                "c/lib.c",
                "int lib_one(void) { return 1; }\nint lib_two(void) { return 2; }\n".getBytes(StandardCharsets.UTF_8));
        return new Candidate(
                files,
                new dev.m1go.cases.Library("x", List.of("c/lib.c"), List.of("-Wall"), false),
                Map.of("CGO_CFLAGS", "-O0"),
                Map.of());
    }

    private static String text(Candidate c, String file) {
        return new String(c.files().get(file), StandardCharsets.UTF_8);
    }

    @Test
    void declarations_areGoDeclarations_cDeclarationsOfThePreamble_andOfCFiles() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        List<Units.Unit> decls = units.of(Units.Stage.DECLARATIONS, candidate());
        assertThat(decls)
                .extracting(u -> ((Units.Piece) u).kind())
                .containsExactly(
                        "go func unused",
                        "go func main",
                        "c preprocessor",
                        "c function",
                        "c function",
                        "c function",
                        "c function");
    }

    @Test
    void removingAFunction_dropsTheImportOnlyItUsed() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Candidate c = candidate();
        List<Units.Unit> decls = units.of(Units.Stage.DECLARATIONS, c);
        List<Units.Unit> kept = decls.stream()
                .filter(u -> !((Units.Piece) u).kind().equals("go func unused"))
                .toList();
        Candidate less = units.keep(c, decls, kept);
        assertThat(text(less, "main.go"))
                .doesNotContain("unused")
                .doesNotContain("\"strings\"")
                .contains("\"fmt\"");
    }

    @Test
    void aCandidateThatCannotBuild_isVoidBeforeBuilding() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Candidate c = candidate();
        List<Units.Unit> stmts = units.of(Units.Stage.STATEMENTS, c);
        // n := C.twice(2) removed: fmt.Println("n", n) refers to a name nothing declares
        List<Units.Unit> withoutN = stmts.stream()
                .filter(u -> !text(c, "main.go")
                        .substring(((Units.Piece) u).start(), ((Units.Piece) u).end())
                        .startsWith("n :="))
                .toList();
        assertThat(withoutN).hasSize(stmts.size() - 1);
        assertThat(units.keep(c, stmts, withoutN)).isNull();
        // func main removed: package main without main
        List<Units.Unit> decls = units.of(Units.Stage.DECLARATIONS, c);
        assertThat(units.keep(
                        c,
                        decls,
                        decls.stream()
                                .filter(u -> !((Units.Piece) u).kind().equals("go func main"))
                                .toList()))
                .isNull();
    }

    @Test
    void aLocalVariableWhoseLastReaderWentGoesWithIt_butACallInItsValueStays() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Candidate c = candidate();
        List<Units.Unit> stmts = units.of(Units.Stage.STATEMENTS, c);
        List<Units.Unit> kept = stmts.stream()
                .filter(u -> {
                    String s = text(c, "main.go").substring(((Units.Piece) u).start(), ((Units.Piece) u).end());
                    return !s.startsWith("fmt.Println") && !s.startsWith("if n");
                })
                .toList();
        Candidate less = units.keep(c, stmts, kept);
        assertThat(less).isNotNull();
        assertThat(text(less, "main.go"))
                .doesNotContain("n := C.twice(2)")
                .doesNotContain("\"fmt\"")
                .as("the call may be what fails")
                .contains("\t_ = C.twice(2)\n");
    }

    @Test
    void aPackageNamedOtherwiseThanItsPath_andADotImport_doNotVoidACandidate() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Map<String, byte[]> files = new TreeMap<>();
        files.put("main.go", """
                package main

                import (
                	"fmt"
                	. "strings"

                	"math/rand/v2"
                	syscall "golang.org/x/sys/unix"
                )

                func one() string { return fmt.Sprint(rand.N(3)) }

                func main() {
                	println(ToUpper("x"), syscall.Getpid())
                }
                """.getBytes(StandardCharsets.UTF_8));
        files.put("other.go", """
                package main

                import "example.com/thingpkg"

                var Doc = thing.Marshal
                """.getBytes(StandardCharsets.UTF_8));
        Candidate c = new Candidate(files, null, Map.of(), Map.of());
        List<Units.Unit> decls = units.of(Units.Stage.DECLARATIONS, c);
        Candidate less = units.keep(
                c,
                decls,
                decls.stream()
                        .filter(u -> !((Units.Piece) u).kind().equals("go func one"))
                        .toList());
        assertThat(less)
                .as("ToUpper comes from the dot import: not an undefined name")
                .isNotNull();
        assertThat(text(less, "main.go"))
                .doesNotContain("\"fmt\"", "math/rand/v2")
                .contains("golang.org/x/sys/unix");
        assertThat(text(less, "other.go"))
                .as("untouched: its import's name is not its path's")
                .contains("example.com/thingpkg");
    }

    @Test
    void statementsOfGoAndC_canGoTogether() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Candidate c = candidate();
        List<Units.Unit> stmts = units.of(Units.Stage.STATEMENTS, c);
        List<Units.Unit> kept = stmts.stream()
                .filter(u -> {
                    String s = text(c, "main.go").substring(((Units.Piece) u).start(), ((Units.Piece) u).end());
                    return !s.startsWith("fmt.Println") && !s.startsWith("fprintf");
                })
                .toList();
        Candidate less = units.keep(c, stmts, kept);
        assertThat(text(less, "main.go"))
                .contains("C.crash()", "*(volatile int *)0 = 1;")
                .doesNotContain("fprintf")
                .doesNotContain("\"fmt\"");
    }

    @Test
    void anUnwrap_putsTheBlockInPlaceOfItsIf_andCommentsGoWithoutDirectives() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Candidate c = candidate();
        List<Units.Unit> unwraps = units.of(Units.Stage.UNWRAP, c);
        assertThat(unwraps).extracting(u -> ((Units.Piece) u).kind()).containsExactly("go unwrap if");
        Candidate flat = units.keep(c, unwraps, List.of());
        assertThat(text(flat, "main.go")).contains("\tC.crash()\n").doesNotContain("if n");
        List<Units.Unit> comments = units.of(Units.Stage.COMMENTS, c);
        assertThat(comments).hasSize(1);
        assertThat(text(units.keep(c, comments, List.of()), "main.go"))
                .doesNotContain("// unused is never called")
                .contains("static void crash(void)");
    }

    @Test
    void files_andSettings_areUnitsToo() throws IOException {
        Units units = new Units(go, dir.resolve("scratch"));
        Candidate c = candidate();
        List<Units.Unit> files = units.of(Units.Stage.FILES, c);
        assertThat(files).containsExactly(new Units.FileUnit("c/lib.c"), new Units.FileUnit("main.go"));
        Candidate noLib = units.keep(c, files, List.of(new Units.FileUnit("main.go")));
        assertThat(noLib.library()).isNull();
        List<Units.Unit> settings = units.of(Units.Stage.SETTINGS, c);
        assertThat(settings)
                .containsExactly(
                        new Units.Setting("build.env", "CGO_CFLAGS"), new Units.Setting("library.cflags", "-Wall"));
        Candidate bare = units.keep(c, settings, List.of());
        assertThat(bare.buildEnv()).isEmpty();
        assertThat(bare.library().cflags()).isEmpty();
    }
}
