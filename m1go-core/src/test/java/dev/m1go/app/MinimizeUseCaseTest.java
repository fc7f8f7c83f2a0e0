package dev.m1go.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.core.UserError;
import dev.m1go.settings.Frontend;
import dev.m1go.testing.HostComponents;
import dev.m1go.testing.RecordingLog;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * m1go:minimize as a use case: the user mistakes it names before anything runs, and a real reduction of a small
 * bloated case with the Go toolchain and C compiler of this machine (skipped without them, failed under CI=true).
 */
class MinimizeUseCaseTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private Context context(Frontend frontend) {
        Map<String, String> env =
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", dir.toString());
        return new Context(frontend, env, dir, dir, new PrintStream(System.out, true, StandardCharsets.UTF_8), log);
    }

    private static MinimizeRequest request(
            List<String> cases,
            Path casesDirectory,
            MinimizeRequest.Module module,
            MinimizeRequest.Budget budget,
            Path out,
            Path cache) {
        return new MinimizeRequest(
                out,
                cache,
                List.of(),
                "1.26",
                cases,
                casesDirectory,
                List.of("native"),
                List.of(),
                60,
                900,
                2,
                module,
                budget);
    }

    @Test
    void nothingToMinimize_namesBothWays_theCommandLinesWay() {
        MinimizeUseCase minimize = new MinimizeUseCase(context(Frontend.commandLine("test")));
        assertThatThrownBy(() -> minimize.run(request(List.of(), null, null, null, dir.resolve("out"), dir)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("--cases=<id>")
                .hasMessageContaining("--test=<TestName>");
    }

    @Test
    void twoCases_aTestWithoutItsModule_andABadThreshold_areUserErrors() {
        MinimizeUseCase minimize = new MinimizeUseCase(context(Frontend.maven("test")));
        assertThatThrownBy(() ->
                        minimize.run(request(List.of("c-abort", "c-segv"), null, null, null, dir.resolve("out"), dir)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("one case at a time");
        assertThatThrownBy(() -> minimize.run(request(
                        List.of(),
                        null,
                        new MinimizeRequest.Module(null, List.of(), "TestX", List.of(), List.of(), null),
                        null,
                        dir.resolve("out"),
                        dir)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("m1go.module");
        assertThatThrownBy(() -> minimize.run(request(
                        List.of("c-segv"),
                        null,
                        null,
                        new MinimizeRequest.Budget(60, 10, 10, 100),
                        dir.resolve("out"),
                        dir)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("m1go.minimize.threshold");
    }

    /** A crash among two files of unrelated code, reduced on this machine's newest Go 1.26, natively. */
    @Test
    void aBloatedCase_reducesToTheCrash_andTheBudgetLeavesTheBestSoFar() throws Exception {
        HostComponents.require(
                Files.isExecutable(Path.of("/usr/local/go/bin/go"))
                        || System.getenv().getOrDefault("PATH", "").contains("go"),
                "a Go 1.26 toolchain");
        Path cases = dir.resolve("cases");
        Path c = Files.createDirectories(cases.resolve("small-segv"));
        Files.writeString(
                c.resolve("case.yaml"),
                "description: a NULL store in C after unrelated work\n"
                        + "build:\n  env: {CGO_CFLAGS: \"-O0\"}\nexpect:\n  outcome: CGO_SIGNAL\n  signal: SIGSEGV\n");
        Files.writeString(c.resolve("util.go"), """
                package main

                import "strings"

                // Shout makes text loud.
                func Shout(s string) string {
                	return strings.ToUpper(s) + "!"
                }
                """);
        Files.writeString(c.resolve("main.go"), """
                package main

                /*
                #include <stdio.h>
                static int twice(int x) { return 2 * x; }
                static void segv(void) {
                    fprintf(stderr, "storing through NULL\\n");
                    *(volatile int *)0 = 1;
                }
                */
                import "C"

                import "fmt"

                func main() {
                	fmt.Println(Shout("hello"), C.twice(21))
                	if len(Shout("x")) > 0 {
                		C.segv()
                	}
                	fmt.Println("M1GO_OK")
                }
                """);
        MinimizeUseCase minimize = new MinimizeUseCase(context(Frontend.maven("test")));
        MinimizeResult r = minimize.run(request(
                List.of("small-segv"),
                cases,
                null,
                new MinimizeRequest.Budget(600, 200, 3, 10),
                dir.resolve("out"),
                dir.resolve("cache")));
        assertThat(r.complete()).isTrue();
        assertThat(r.signature()).isEqualTo("CGO_SIGNAL SIGSEGV in C");
        Path out = r.directory();
        assertThat(out).isEqualTo(dir.resolve("out/minimized/small-segv-min"));
        assertThat(out.resolve("util.go")).doesNotExist();
        String main = Files.readString(out.resolve("main.go"));
        assertThat(main)
                .contains("*(volatile int *)0 = 1;", "C.segv()")
                .doesNotContain("fprintf", "twice", "Shout", "M1GO_OK", "if len");
        assertThat(Files.readString(out.resolve("case.yaml")))
                .contains("outcome: CGO_SIGNAL", "signal: SIGSEGV")
                .doesNotContain("CGO_CFLAGS");
        assertThat(Files.readString(out.resolve("README.md")))
                .contains(
                        "| files | 2 | 1 |",
                        ":reproduce -Dm1go.casesDirectory=" + dir.resolve("out/minimized")
                                + " -Dm1go.cases=small-segv-min",
                        "ran to its end",
                        "First measurement: 3/3 runs CGO_SIGNAL SIGSEGV in C");

        // A build budget of 3 stops the reduction early: what is there is the best case found by then, and says so.
        MinimizeResult cut = minimize.run(request(
                List.of("small-segv"),
                cases,
                null,
                new MinimizeRequest.Budget(600, 3, 3, 10),
                dir.resolve("cut"),
                dir.resolve("cache-cut")));
        assertThat(cut.complete()).isFalse();
        assertThat(Files.readString(cut.directory().resolve("README.md")))
                .contains("It stopped early: the build " + "budget (-Dm1go.minimize.builds=3) is spent");
        assertThat(cut.directory().resolve("main.go")).exists();
    }
}
