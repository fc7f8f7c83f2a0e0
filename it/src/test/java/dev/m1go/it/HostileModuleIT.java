package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Module mode as contained as the catalog, through the real plugin: a link out of the module and a pipe in it stop the
 * run naming them before anything is copied, a relative {@code replace} still builds in the copy, and a module inside
 * the output directory is refused naming both.
 */
class HostileModuleIT {

    /** A main package that prints a word of its replaced dependency. */
    private static Path module(Path dir) throws Exception {
        Path dep = Files.createDirectories(dir.resolve("dep"));
        Files.writeString(dep.resolve("go.mod"), "module example.com/dep\n\ngo 1.22\n");
        Files.writeString(dep.resolve("dep.go"), "package dep\n\nfunc Word() string { return \"replaced\" }\n");
        Path m = Files.createDirectories(dir.resolve("app"));
        Files.writeString(
                m.resolve("go.mod"),
                "module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\n"
                        + "replace example.com/dep => ../dep\n");
        Files.writeString(
                m.resolve("main.go"),
                "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/dep\"\n)\n\n"
                        + "func main() { fmt.Println(dep.Word()) }\n");
        return m;
    }

    private static Maven.Run reproduce(Path dir, Path module, String... more) throws Exception {
        String[] args = Stream.concat(
                        Stream.of(
                                Maven.goal("reproduce"),
                                "-Dm1go.module=" + module,
                                "-Dm1go.packages=.",
                                "-Dm1go.goVersions=1.22@amd64",
                                "-Dm1go.runners=native",
                                "-Dm1go.targets=linux/amd64"),
                        Stream.of(more))
                .toArray(String[]::new);
        return Maven.run(dir, args);
    }

    @Test
    void aRelativeReplace_buildsInTheCopy_theRunPrintsTheReplacedWord() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("hostile-module-replace");
        Maven.Run run = reproduce(dir, module(dir)).succeeded();
        JsonNode cell = run.report().get("cells").get(0);
        assertThat(cell.get("outcome").asText()).isEqualTo("PASS");
        String stdout = Files.readString(dir.resolve("target/m1go")
                .resolve(cell.get("runs").get(0).get("stdoutLog").asText()));
        assertThat(stdout).contains("replaced");
    }

    @Test
    void aLinkOutOfTheModule_stopsTheRunNamingIt_andNothingIsCopied() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("hostile-module-link");
        Path m = module(dir);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET\n");
        Files.createSymbolicLink(m.resolve("notes.txt"), secret);
        Maven.Run run = reproduce(dir, m).failed();
        assertThat(run.output())
                .contains(m.resolve("notes.txt") + " is a symbolic link to " + secret)
                .contains("outside m1go.module")
                .doesNotContain("\tat dev.m1go");
        try (Stream<Path> copied =
                Files.exists(dir.resolve("target/m1go")) ? Files.walk(dir.resolve("target/m1go")) : Stream.empty()) {
            assertThat(copied.filter(Files::isRegularFile).map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (java.io.IOException e) {
                            return "";
                        }
                    }))
                    .noneMatch(text -> text.contains("TOP-SECRET"));
        }
    }

    @Test
    void aPipeInTheModule_stopsTheRunNamingIt_withoutBlocking() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("hostile-module-fifo");
        Path m = module(dir);
        Path fifo = m.resolve("events.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        Maven.Run run = reproduce(dir, m).failed();
        assertThat(run.output())
                .contains(fifo + " is not a regular file, directory or symbolic link")
                .doesNotContain("\tat dev.m1go");
    }

    @Test
    void aModuleInsideTheOutputDirectory_isRefusedNamingBoth() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("hostile-module-nested");
        Path m = module(dir);
        Maven.Run run = reproduce(dir, m, "-Dm1go.outputDirectory=" + dir).failed();
        assertThat(run.output())
                .contains("m1go.module (" + m + ") lies inside m1go.outputDirectory (" + dir + ")")
                .doesNotContain("\tat dev.m1go");
        assertThat(m.resolve("main.go")).exists();
    }
}
