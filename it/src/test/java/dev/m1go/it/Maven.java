package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real Maven on the plugin this build produced, in a directory of the test's choosing. Its local repository
 * is {@link #repository()} under {@code it/target}, where the build installed m1go (maven-invoker-plugin's
 * {@code install} goal, see it/pom.xml); every other artifact comes offline from the build's own local repository
 * ({@link #mirror()}), used as a release-only mirror, so a stale m1go snapshot there can never be picked up.
 */
public final class Maven {

    /** What one Maven run did. */
    public record Run(int exitCode, String output, Path directory) {
        public JsonNode report() throws IOException {
            return report(directory.resolve("target/m1go/report.json"));
        }

        public static JsonNode report(Path file) throws IOException {
            assertThat(file).as("report.json").exists();
            return new ObjectMapper().readTree(file.toFile());
        }

        public Run succeeded() {
            assertThat(exitCode).as("mvn exit code; output:\n%s", tail()).isZero();
            return this;
        }

        public Run failed() {
            assertThat(exitCode).as("mvn exit code; output:\n%s", tail()).isNotZero();
            return this;
        }

        public String tail() {
            return output.length() > 20_000 ? output.substring(output.length() - 20_000) : output;
        }
    }

    private static Path checkedPlugin;

    public static String version() {
        return System.getProperty("m1go.version", "0.1.0-SNAPSHOT");
    }

    /** {@code dev.m1go:m1go-maven-plugin:<version>:<goal>}. */
    public static String goal(String goal) {
        return "dev.m1go:m1go-maven-plugin:" + version() + ":" + goal;
    }

    /** A fresh, empty work directory for one test. */
    public static Path workDirectory(String name) throws IOException {
        Path root = Path.of(System.getProperty("it.work", "target/it-work"));
        Path dir = root.resolve(name);
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** The isolated local repository the ITs' Maven uses. */
    public static Path repository() {
        return Path.of(System.getProperty("it.repo", "target/it-repo"))
                .toAbsolutePath()
                .normalize();
    }

    /** The build's own local repository, which serves releases to the ITs' Maven as a file mirror. */
    public static Path mirror() {
        return Path.of(System.getProperty("it.mirror", System.getProperty("user.home") + "/.m2/repository"))
                .toAbsolutePath()
                .normalize();
    }

    /** {@code dev.m1go:<artifactId>:<version>} in the isolated repository. */
    public static Path installed(String artifactId, String extension) {
        return repository()
                .resolve("dev/m1go/" + artifactId + "/" + version() + "/" + artifactId + "-" + version() + "."
                        + extension);
    }

    /** The plugin jar this build resolved for the ITs: the reactor's, or the local repository's with {@code -pl it}. */
    public static Path pluginUnderTest() throws IOException {
        java.net.URL mojo = Maven.class.getClassLoader().getResource("dev/m1go/maven/ReproduceMojo.class");
        if (mojo == null) {
            throw new IOException("m1go-maven-plugin is not on the IT classpath");
        }
        String url = mojo.toString();
        try {
            // jar:file:/…/m1go-maven-plugin-<v>.jar!/dev/…, or file:/…/target/classes/dev/… inside a reactor that
            // did not package.
            return url.startsWith("jar:")
                    ? Path.of(new java.net.URI(url.substring(4, url.indexOf("!/"))))
                    : Path.of(mojo.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot read the location of " + url, e);
        }
    }

    /**
     * Fails unless the isolated repository holds exactly the plugin jar of this build, so no IT can run another one.
     */
    private static synchronized void checkPluginUnderTest() throws IOException {
        if (checkedPlugin != null) {
            return;
        }
        Path built = pluginUnderTest();
        Path installed = installed("m1go-maven-plugin", "jar");
        assertThat(installed)
                .as("the plugin under test in the isolated repository (run the ITs through Maven: "
                        + "`mvn -pl it verify` installs it there)")
                .exists();
        if (Files.isRegularFile(built)) {
            assertThat(Files.mismatch(installed, built))
                    .as("%s differs from this build's %s", installed, built)
                    .isEqualTo(-1L);
        }
        checkedPlugin = installed;
    }

    /** The settings of the ITs' Maven: one mirror for everything, the build's own local repository. */
    private static Path settings() throws IOException {
        return settings("it-settings.xml", "");
    }

    /**
     * Those settings plus {@code <pluginGroups>} (for prefix resolution outside a project), as their own file.
     *
     * @param pluginGroup the group, such as {@code dev.m1go}
     */
    public static Path settingsWithPluginGroup(String pluginGroup) throws IOException {
        return settings(
                "it-settings-" + pluginGroup + ".xml",
                "<pluginGroups><pluginGroup>" + pluginGroup + "</pluginGroup></pluginGroups>");
    }

    private static synchronized Path settings(String name, String extra) throws IOException {
        Path file = repository().resolveSibling(name);
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  %s
                  <mirrors>
                    <mirror>
                      <id>m1go-it-build-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(extra, mirror().toUri()), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The argv of an offline Maven on the isolated repository. Offline mode blocks every remote except {@code file:}
     * URLs, so the mirror still serves.
     */
    public static List<String> command(String... args) throws IOException {
        String home = System.getProperty("maven.home");
        return command(home == null ? null : Path.of(home), settings(), repository(), args);
    }

    /**
     * The same offline Maven, but another installation, settings file or local repository (the Maven-version ITs).
     *
     * @param mavenHome  a Maven installation, or null for {@code mvn} on PATH
     */
    public static List<String> command(Path mavenHome, Path settings, Path repository, String... args)
            throws IOException {
        checkPluginUnderTest();
        List<String> argv = new ArrayList<>();
        argv.add(mavenHome == null ? "mvn" : mavenHome.resolve("bin/mvn").toString());
        argv.addAll(List.of(
                "-B",
                "-o",
                "-Daether.offline.protocols=file",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + repository));
        argv.addAll(List.of(args));
        return argv;
    }

    /**
     * {@code argv} started with SIGINT at its default action, for a test that sends Ctrl-C's signal. A process started
     * in the background of a non-interactive shell inherits SIGINT ignored (as CI runners often start the build), the
     * JVM keeps an ignored SIGINT ignored, and such a Maven would never see the test's Ctrl-C. perl (Debian's
     * perl-base, always installed) resets the signal and executes the command.
     */
    public static List<String> withCtrlC(List<String> argv) {
        List<String> wrapped = new ArrayList<>(List.of(
                "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"cannot run $ARGV[0]: $!\\n\";"));
        wrapped.addAll(argv);
        return wrapped;
    }

    public static Run run(Path directory, String... args) throws IOException, InterruptedException {
        return run(directory, Map.of(), args);
    }

    public static Run run(Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(directory, env, command(args));
    }

    /** Runs an argv made by {@link #command(Path, Path, Path, String...)}. */
    public static Run run(Path directory, Map<String, String> env, List<String> argv)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        // m1go needs no Testcontainers variable: none of the runner's own environment reaches the build under test
        pb.environment().keySet().removeIf(k -> k.startsWith("TESTCONTAINERS_"));
        pb.environment().putAll(env);
        pb.environment().remove("MAVEN_ARGS");
        Path log = directory.resolve("mvn-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(40, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " ran for 40 minutes; log: " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), directory);
    }

    private Maven() {}
}
