package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code m1go:minimize} on real code, each result run again by {@code m1go:reproduce}: (a) a module built for it
 * ({@code projects/minimize-bloat}: the catalog's c-segv crash in a test, among 24 files, unrelated functions and two
 * dependencies) reduces to a case at most 1.5 times the size of the catalog's c-segv that fails the same way natively
 * and under qemu; (b) a program that fails only under qemu (its child, started with a clean environment, cannot find
 * the arm64 loader through binfmt_misc, the behaviour of the catalog's exec-self-cgo) keeps that difference: the
 * minimized case still fails under qemu and still passes natively; (c) a crash that comes in about every other run
 * is reduced without losing it.
 */
class MinimizeIT {

    static final Path PROJECTS = Path.of(System.getProperty("it.projects", "projects"));

    @BeforeAll
    static void matrix() {
        Components.requireLinuxMatrix();
    }

    /** Source bytes of a minimized case: what a maintainer reads (not case.yaml, README, go.mod/go.sum, vendor/). */
    static long sourceBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long n = 0;
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString();
                String name = f.getFileName().toString();
                if (!rel.startsWith("vendor")
                        && !name.equals("case.yaml")
                        && !name.equals("README.md")
                        && !name.equals("go.mod")
                        && !name.equals("go.sum")) {
                    n += Files.size(f);
                }
            }
            return n;
        }
    }

    static List<JsonNode> cells(Path reportDirectory) throws IOException {
        List<JsonNode> cells = new ArrayList<>();
        Maven.Run.report(reportDirectory.resolve("report.json")).path("cells").forEach(cells::add);
        return cells;
    }

    static JsonNode cell(List<JsonNode> cells, String runner) {
        return cells.stream()
                .filter(c -> c.path("runner").asText().equals(runner))
                .findFirst()
                .orElseThrow();
    }

    /** {@code m1go:reproduce} of a minimized case on go 1.26, as its README says, on these targets and runners. */
    static List<JsonNode> reproduce(Path dir, Path minimized, String targets, String runners, String... more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                Maven.goal("reproduce"),
                "-Dm1go.casesDirectory=" + minimized.getParent(),
                "-Dm1go.cases=" + minimized.getFileName(),
                "-Dm1go.goVersions=1.26@amd64",
                "-Dm1go.targets=" + targets,
                "-Dm1go.runners=" + runners,
                "-Dm1go.outputDirectory=" + dir.resolve("again"),
                "-Dm1go.failOn=never"));
        args.addAll(List.of(more));
        Maven.run(dir, args.toArray(String[]::new)).succeeded();
        return cells(dir.resolve("again"));
    }

    @Test
    void a_aBloatedModulesTest_reducesToAboutTheCatalogsCase_failingTheSameWayNativelyAndUnderQemu() throws Exception {
        Path dir = Maven.workDirectory("minimize-module");
        long t0 = System.nanoTime();
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("minimize"),
                        "-Dm1go.module=" + PROJECTS.resolve("minimize-bloat").toAbsolutePath(),
                        "-Dm1go.tests=./store",
                        "-Dm1go.minimize.test=TestFlush",
                        "-Dm1go.goVersions=1.26@amd64",
                        "-Dm1go.targets=linux/arm64",
                        "-Dm1go.runners=qemu")
                .succeeded();
        System.out.println("MinimizeIT (a) took " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        Path minimized = dir.resolve("target/m1go/minimized/store-testflush-min");
        assertThat(minimized.resolve("case.yaml")).exists();
        String readme = Files.readString(minimized.resolve("README.md"));
        assertThat(readme)
                .contains(
                        "example.com/bloat",
                        "TestFlush",
                        "go1.26.8",
                        "linux/arm64 qemu",
                        "CGO_SIGNAL SIGSEGV in C",
                        "| files | 24 |",
                        ":reproduce -Dm1go.casesDirectory=");
        assertThat(run.output()).contains("keeping CGO_SIGNAL SIGSEGV in C");

        long catalog = Files.size(PROJECTS.resolve("../../reproducer-cases/cases/c-segv/main.go"));
        assertThat(sourceBytes(minimized))
                .as("the minimized case against c-segv's %d bytes", catalog)
                .isLessThanOrEqualTo(catalog * 3 / 2);
        assertThat(Files.readString(minimized.resolve("go.mod"))).doesNotContain("github.com/google/uuid");

        List<JsonNode> cells = reproduce(dir, minimized, "linux/amd64,linux/arm64", "native,qemu");
        for (String runner : List.of("native", "qemu")) {
            JsonNode c = cell(cells, runner);
            assertThat(c.path("outcome").asText() + " " + c.path("signal").asText())
                    .as(runner)
                    .isEqualTo("CGO_SIGNAL SIGSEGV");
            assertThat(c.path("verdict").asText()).as(runner).isEqualTo("EXPECTED");
        }
    }

    @Test
    void b_aFailureOnlyUnderTranslation_keepsPassingNatively() throws Exception {
        Path dir = Maven.workDirectory("minimize-translation");
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("minimize"),
                        "-Dm1go.cases=bloat-exec",
                        "-Dm1go.casesDirectory="
                                + PROJECTS.resolve("minimize-cases").toAbsolutePath(),
                        "-Dm1go.goVersions=1.26@amd64",
                        "-Dm1go.targets=linux/arm64",
                        "-Dm1go.runners=qemu",
                        // Each candidate is two builds and a run under qemu: a budget keeps this test to minutes (run
                        // to
                        // its end from empty caches it takes about 480 builds; the README's benchmark row).
                        "-Dm1go.minimize.builds=150")
                .succeeded();
        assertThat(run.output()).contains("the failure is seen only under translation");
        Path minimized = dir.resolve("target/m1go/minimized/bloat-exec-min");
        String yaml = Files.readString(minimized.resolve("case.yaml"));
        assertThat(yaml).contains("outcome: PASS", "runner: qemu", "outcome: EXIT_NONZERO");
        assertThat(Files.readString(minimized.resolve("README.md")))
                .contains("It stopped early: the build budget", "minimize.builds=150", "Measured again at the end");
        // Cut short by its budget, the case is smaller, not minimal: what this test holds is the differential.
        assertThat(sourceBytes(minimized)).isLessThan(sourceBytes(PROJECTS.resolve("minimize-cases/bloat-exec")));

        List<JsonNode> cells = reproduce(dir, minimized, "linux/amd64,linux/arm64", "native,qemu");
        assertThat(cell(cells, "native").path("outcome").asText()).isEqualTo("PASS");
        assertThat(cell(cells, "qemu").path("outcome").asText()).isEqualTo("EXIT_NONZERO");
    }

    @Test
    void c_anIntermittentFailure_isReducedWithoutLosingIt() throws Exception {
        Path dir = Maven.workDirectory("minimize-intermittent");
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("minimize"),
                        "-Dm1go.cases=flaky-segv",
                        "-Dm1go.casesDirectory="
                                + PROJECTS.resolve("minimize-cases").toAbsolutePath(),
                        "-Dm1go.goVersions=1.26@amd64",
                        "-Dm1go.runners=native",
                        "-Dm1go.minimize.runs=20")
                .succeeded();
        Path minimized = dir.resolve("target/m1go/minimized/flaky-segv-min");
        assertThat(sourceBytes(minimized)).isLessThan(sourceBytes(PROJECTS.resolve("minimize-cases/flaky-segv")) / 3);
        String readme = Files.readString(minimized.resolve("README.md"));
        assertThat(readme)
                .contains("CGO_SIGNAL SIGSEGV in C", "-Dm1go.goVersions=1.26.8@amd64", "-Dm1go.stress.runs=20");
        assertThat(Files.readString(minimized.resolve("case.yaml")))
                .as("an intermittent failure may pass")
                .contains("anyOf: [PASS, CGO_SIGNAL]");
        assertThat(run.output()).contains("keeping CGO_SIGNAL SIGSEGV in C");

        List<JsonNode> cells = reproduce(dir, minimized, "linux/amd64", "native", "-Dm1go.stress.runs=40");
        JsonNode counts = cell(cells, "native").path("outcomeCounts");
        assertThat(counts.path("CGO_SIGNAL SIGSEGV").asInt())
                .as("failing runs of 40: %s", counts)
                .isPositive();
        assertThat(cell(cells, "native").path("verdict").asText())
                .as("runs that disagree, as the case expects")
                .isIn("FLAKY", "EXPECTED");
    }
}
