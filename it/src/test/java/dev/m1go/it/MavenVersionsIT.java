package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin on the Maven releases it claims: the oldest supported one (its prerequisite, 3.6.3), the one CI builds
 * with (3.9.x) and Maven 4, each unpacked by it/pom.xml from the registry artifact
 * {@code org.apache.maven:apache-maven:<v>:tar.gz:bin}. Two quick goals that need no project, without a warning about
 * the plugin; and the {@code m1go:} prefix outside a project once a Maven 3.9 install wrote the group metadata.
 */
class MavenVersionsIT {

    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("it.maven.versions", "3.6.3,3.9.16,4.0.0-rc-4")
                .split(","));
    }

    static Path home(String version) {
        Path home = Path.of(System.getProperty("it.mavens", "target/mavens"))
                .resolve("apache-maven-" + version)
                .toAbsolutePath();
        Components.require(
                Files.isRegularFile(home.resolve("bin/mvn")),
                "Maven " + version + " in " + home + " (it/pom.xml unpacks it; run the it module through Maven)");
        return home;
    }

    private static Maven.Run mvn(String version, Path dir, Path settings, Path repository, String... args)
            throws IOException, InterruptedException {
        List<String> argv = Maven.command(home(version), settings, repository, args);
        argv.set(0, "sh");
        argv.add(1, home(version).resolve("bin/mvn").toString());
        return Maven.run(dir, Map.of("JAVA_HOME", System.getProperty("java.home")), argv);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void helpAndClassify_runWithoutWarningsAboutThePlugin(String version) throws Exception {
        Path dir = Maven.workDirectory("maven-" + version);
        Path settings = Maven.settingsWithPluginGroup("dev.m1go");
        Files.writeString(dir.resolve("crash.log"), "fatal error: all goroutines are asleep - deadlock!\n");
        // Both goals in one Maven: starting Maven is most of the time here.
        Maven.Run run = mvn(
                        version,
                        dir,
                        settings,
                        Maven.repository(),
                        "-V",
                        Maven.goal("help"),
                        Maven.goal("classify"),
                        "-Ddetail",
                        "-Dgoal=reproduce",
                        "-Dm1go.log=crash.log")
                .succeeded();
        assertThat(run.output())
                .contains("Apache Maven " + version)
                .contains("m1go.reproduce.skip", "m1go.goVersions", "skipTests")
                .contains("\"outcome\":\"GO_FATAL\"");
        noPluginWarnings(run);
    }

    private static void noPluginWarnings(Maven.Run run) {
        assertThat(run.output()).doesNotContain("Plugin validation issues").doesNotContain("is unknown");
        assertThat(run.output().lines().filter(l -> l.contains("WARN") && l.contains("m1go")))
                .as("warnings naming m1go")
                .isEmpty();
    }

    /** Installed by Maven 3.9 (which writes the group-level prefix metadata), {@code mvn m1go:help} works anywhere. */
    @Test
    void prefix_worksOutsideAProject_withPluginGroup_afterAMaven39Install() throws Exception {
        String current = System.getProperty("it.maven.versions", "3.6.3,3.9.16,4.0.0-rc-4")
                .split(",")[1];
        Path dir = Maven.workDirectory("plugin-group");
        Path repository = Files.createDirectories(dir.resolve("repository"));
        copy(Maven.repository().resolve("dev/m1go"), repository.resolve("dev/m1go"));
        Files.deleteIfExists(repository.resolve("dev/m1go/maven-metadata-local.xml"));
        Path jar = Maven.installed("m1go-maven-plugin", "jar");
        Path pom = Maven.installed("m1go-maven-plugin", "pom");
        Path settings = Maven.settingsWithPluginGroup("dev.m1go");
        mvn(
                        current,
                        dir,
                        settings,
                        repository,
                        "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file",
                        "-Dfile=" + jar,
                        "-DpomFile=" + pom)
                .succeeded();
        assertThat(Files.readString(repository.resolve("dev/m1go/maven-metadata-local.xml")))
                .contains("<prefix>m1go</prefix>");

        Path empty = Files.createDirectories(dir.resolve("anywhere"));
        Maven.Run help = mvn(current, empty, settings, repository, "m1go:help").succeeded();
        assertThat(help.output()).contains("m1go:reproduce");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
