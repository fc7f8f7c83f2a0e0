package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Careless or hostile file system input: a link out of a case, an output directory inside the cases, files where
 * directories belong, an unwritable cache, a bare report.json, an unwritable step summary. Each is refused before
 * anything runs with a message naming what to change (or, for the optional step summary, only warned about), and
 * nothing of the user's is copied or rewritten.
 */
class HostileFilesystemIT {

    private static void assertNoStackTrace(Maven.Run run) {
        assertThat(run.output()).doesNotContain("\tat dev.m1go").doesNotContain("NullPointerException");
    }

    @Test
    void symlinkOutOfACase_isRefusedNamingTheLink_andNothingIsCopied() throws Exception {
        Path dir = Maven.workDirectory("hostile-symlink");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for the artifact");
        Path c = Hostile.writeCase(
                dir.resolve("cases"),
                "leaky",
                "description: links out.\nexpect: {outcome: PASS}\n",
                "package main\n\nfunc main() { println(\"M1GO_OK\") }\n");
        Path link = Files.createSymbolicLink(c.resolve("data.txt"), secret);
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                        "-Dm1go.cases=leaky")
                .failed();
        assertThat(run.output()).contains(link + " is a symbolic link to " + secret + ", outside the case directory");
        assertNoStackTrace(run);
        assertThat(dir.resolve("target/m1go/cases")).doesNotExist();
    }

    @Test
    void outputDirectoryInsideTheCases_isRefused_andTheCasesStayAsTheyWere() throws Exception {
        Path dir = Maven.workDirectory("hostile-overlap");
        Path cases = dir.resolve("cases");
        Hostile.writeCase(
                cases, "mine", "description: d\nexpect: {outcome: PASS}\n", "package main\n\nfunc main() {}\n");
        Files.createDirectories(cases.resolve("empty-folder"));
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + cases,
                        "-Dm1go.outputDirectory=" + cases.resolve("out"))
                .failed();
        assertThat(run.output())
                .contains("m1go.outputDirectory (" + cases.resolve("out") + ") and m1go.casesDirectory (" + cases
                        + ") overlap");
        assertNoStackTrace(run);
        assertThat(cases.resolve("empty-folder")).isDirectory();
        assertThat(cases.resolve("out")).doesNotExist();
    }

    @Test
    void filesWhereDirectoriesBelong_unwritableCache_andBadThreads_areEachNamed() throws Exception {
        Path dir = Maven.workDirectory("hostile-parameters");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] cases = {
            {"-Dm1go.goRoots=" + file, "m1go.goRoots names " + file + ", which is a file, not a directory"},
            {"-Dm1go.outputDirectory=" + file, "m1go.outputDirectory: " + file + " is a file, not a directory"},
            {"-Dm1go.casesDirectory=" + file, "m1go.casesDirectory: " + file + " is a file, not a directory"},
            {"-Dm1go.baseline=" + dir, "m1go.baseline: " + dir + " is a directory, not a file"},
            {"-Dm1go.cacheDirectory=/proc/self", "m1go.cacheDirectory: /proc/self is not writable"},
            {"-Dm1go.threads=-3", "m1go.threads is -3: give how many cells run at once, at least 1"},
        };
        for (String[] c : cases) {
            Maven.Run run = Maven.run(dir, Maven.goal("reproduce"), c[0]).failed();
            assertThat(run.output()).as(c[0]).contains(c[1]);
            assertNoStackTrace(run);
        }
        assertThat(dir.resolve("target/m1go/build")).doesNotExist();
    }

    @Test
    void mergeOfABareReport_namesTheMissingField() throws Exception {
        Path dir = Maven.workDirectory("hostile-merge");
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/report.json"), "{\"schema\":\"m1go/1\"}");
        Maven.Run run = Maven.run(dir, Maven.goal("merge"), "-Dm1go.inputs=in").failed();
        assertThat(run.output())
                .contains(dir.resolve("in/report.json") + " has no 'host': it is not a whole m1go report");
        assertNoStackTrace(run);
    }

    @Test
    void unwritableStepSummary_warns_andTheFinishedRunSucceeds() throws Exception {
        Path dir = Maven.workDirectory("hostile-summary");
        Path summary = dir.resolve("no-such-dir/summary.md");
        Maven.Run run = Maven.run(
                        dir,
                        Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello",
                        "-Dm1go.runners=native",
                        "-Dm1go.targets=linux/amd64",
                        "-Dm1go.goVersions=1.26")
                .succeeded();
        assertThat(run.output()).contains("[WARNING] m1go: could not append report.md to the step summary " + summary);
        assertThat(run.report().get("complete").asBoolean()).isTrue();
    }
}
