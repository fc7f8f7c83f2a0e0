package dev.m1go.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.testing.HostComponents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real compilers the binary tests make their fixtures with; a missing one skips (fails on CI). */
final class NativeTools {

    private NativeTools() {}

    /** The first of {@code names} found on PATH or in {@code /usr/lib/llvm-*}/bin, or null. */
    static Path find(String... names) {
        List<Path> dirs = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        try (var s = Files.list(Path.of("/usr/lib"))) {
            s.filter(p -> p.getFileName().toString().startsWith("llvm-"))
                    .sorted()
                    .map(p -> p.resolve("bin"))
                    .forEach(dirs::add);
        } catch (IOException e) {
            // no /usr/lib: PATH only
        }
        for (String n : names) {
            for (Path d : dirs) {
                if (Files.isExecutable(d.resolve(n))) {
                    return d.resolve(n);
                }
            }
        }
        return null;
    }

    static Path require(String... names) {
        Path p = find(names);
        HostComponents.require(p != null, String.join(" or ", names));
        return p;
    }

    /** Runs argv in {@code dir} with extra environment; fails the test on a non-zero exit. */
    static void run(Path dir, Map<String, String> env, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS))
                .as("finished: " + String.join(" ", argv))
                .isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + "\n" + out).isZero();
    }
}
