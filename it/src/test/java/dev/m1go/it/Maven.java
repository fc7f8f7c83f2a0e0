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

/** Starts a real Maven on the installed plugin, in a directory of the test's choosing. */
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

    public static Run run(Path directory, String... args) throws IOException, InterruptedException {
        return run(directory, Map.of(), args);
    }

    public static Run run(Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        String home = System.getProperty("maven.home");
        argv.add(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString());
        argv.add("-B");
        argv.add("-o");
        String repo = System.getProperty("maven.repo.local");
        if (repo != null) {
            argv.add("-Dmaven.repo.local=" + repo);
        }
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("MAVEN_ARGS");
        Path log = directory.resolve("mvn-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(40, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " ran for 40 minutes; log: " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), directory);
    }

    private Maven() {
    }
}
