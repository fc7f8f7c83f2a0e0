package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A case whose expectation is wrong: the build fails once every report is written and names the cell;
 * {@code -Dm1go.failOnRegression=false} keeps it green with the same reports.
 */
class FailOnRegressionIT {

    private static Path casesWithAWrongExpectation(Path dir) throws Exception {
        Path c = Files.createDirectories(dir.resolve("cases/hello-expects-panic"));
        Files.writeString(c.resolve("main.go"), """
                package main

                /*
                #include <stdio.h>
                static void hello(void) { printf("hello from C\\n"); fflush(stdout); }
                */
                import "C"

                import "fmt"

                func main() {
                	C.hello()
                	fmt.Println("M1GO_OK")
                }
                """);
        Files.writeString(c.resolve("case.yaml"), """
                description: A healthy cgo program whose case wrongly expects a panic.
                expect:
                  outcome: GO_PANIC
                """);
        return dir.resolve("cases");
    }

    @Test
    void unexpectedCell_failsTheBuild_namingTheCell_afterTheReportsAreWritten() throws Exception {
        Path dir = Maven.workDirectory("fail-on-regression");
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + casesWithAWrongExpectation(dir),
                        "-Dm1go.cases=hello-expects-panic",
                        "-Dm1go.runners=native",
                        "-Dm1go.goVersions=>=1.26@amd64")
                .failed();
        assertThat(run.output())
                .contains("contradict their case's expectation")
                .containsPattern(
                        "hello-expects-panic go1\\.2[6-9]\\.\\d+ linux/amd64 native: expected GO_PANIC, got PASS")
                .contains("-Dm1go.failOnRegression=false");
        JsonNode report = run.report();
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("cells"))
                .allSatisfy(c -> assertThat(c.get("verdict").asText()).isEqualTo("UNEXPECTED"));
        assertThat(dir.resolve("target/m1go/report.md")).content().contains("## Regressions");
    }

    @Test
    void failOnRegressionFalse_staysGreen_withTheSameVerdicts() throws Exception {
        Path dir = Maven.workDirectory("no-fail-on-regression");
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + casesWithAWrongExpectation(dir),
                        "-Dm1go.cases=hello-expects-panic",
                        "-Dm1go.runners=native",
                        "-Dm1go.goVersions=>=1.26@amd64",
                        "-Dm1go.failOnRegression=false")
                .succeeded();
        assertThat(run.output()).contains("[WARNING]").contains("expected GO_PANIC, got PASS");
        assertThat(run.report().get("cells"))
                .allSatisfy(c -> assertThat(c.get("verdict").asText()).isEqualTo("UNEXPECTED"));
    }
}
