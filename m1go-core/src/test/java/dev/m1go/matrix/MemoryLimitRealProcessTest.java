package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.m1go.classify.Classification;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.exec.MemoryLimit;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.runner.Runner;
import dev.m1go.runner.Runners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Go program that allocates (and touches) N MiB, built here with {@code go build}, run through the real
 * process runner and the runners of this host, and classified as the engine classifies a run: with
 * {@code m1go.memoryLimitMb=64} it is KILLED with the reason, whichever way this machine enforces the limit (a cgroup
 * v2 group, else RLIMIT_AS through prlimit); without a limit it passes. Linux only, with {@code go} installed.
 */
class MemoryLimitRealProcessTest {

    private static final String PROGRAM = """
            package main

            import (
            \t"fmt"
            \t"os"
            \t"strconv"
            )

            var sink [][]byte

            func main() {
            \tmb, _ := strconv.Atoi(os.Args[1])
            \tfor i := 0; i < mb; i++ {
            \t\tb := make([]byte, 1<<20)
            \t\tfor j := 0; j < len(b); j += 4096 {
            \t\t\tb[j] = 1
            \t\t}
            \t\tsink = append(sink, b)
            \t}
            \tfmt.Println("M1GO_OK")
            }
            """;

    @TempDir
    static Path dir;

    private static Path go;
    private static Host host;
    private static Runners runners;

    @BeforeAll
    static void linuxWithGo() throws Exception {
        assumeTrue(
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "Linux");
        go = findGo();
        assumeTrue(go != null, "a go toolchain (go on PATH or /usr/local/go)");
        Arch arch = Arch.parse(System.getProperty("os.arch")).orElseThrow();
        List<Emulator> qemu = Files.isExecutable(Path.of("/usr/bin/qemu-aarch64")) && arch == Arch.AMD64
                ? List.of(new Emulator("qemu-aarch64", Arch.ARM64, Path.of("/usr/bin/qemu-aarch64"), "?"))
                : List.of();
        host = new Host(Os.LINUX, arch, "", arch.goarch(), "", null, qemu, List.of(), Map.of(), new TreeMap<>());
        runners = new Runners(host, new CommonsExecProcessRunner(), List.of());
        Files.writeString(dir.resolve("go.mod"), "module alloc\n\ngo 1.19\n");
        Files.writeString(dir.resolve("main.go"), PROGRAM);
    }

    private static Path findGo() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/local/go/bin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "go");
            if (p.isAbsolute() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** {@code go build} of the program for {@code arch} (no cgo: the limit is about the Go runtime here). */
    private static Path build(Arch arch) throws IOException, InterruptedException {
        Path out = dir.resolve("alloc-" + arch.goarch());
        if (Files.exists(out)) {
            return out;
        }
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", out.toString(), ".")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build-" + arch.goarch() + ".log").toFile());
        pb.environment()
                .putAll(Map.of(
                        "CGO_ENABLED",
                        "0",
                        "GOARCH",
                        arch.goarch(),
                        "GOOS",
                        "linux",
                        "GOTOOLCHAIN",
                        "local",
                        "GOFLAGS",
                        "-mod=mod"));
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("go build finished").isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(dir.resolve("build-" + arch.goarch() + ".log")))
                .isZero();
        return out;
    }

    private static Classification run(String runner, Arch arch, int megabytes, int limitMb) throws Exception {
        Path binary = build(arch);
        Runner r = runners.select(List.of(runner)).get(0);
        String name = runner + "-" + megabytes + "-" + limitMb;
        ProcessSpec spec = new ProcessSpec(
                        List.of(binary.toString(), Integer.toString(megabytes)),
                        Map.of(),
                        dir,
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(2),
                        dir.resolve(name + ".stdout"),
                        dir.resolve(name + ".stderr"))
                .withMemoryLimit(MemoryLimit.of(limitMb));
        ProcessResult result = r.run(spec, arch);
        Classification k = new GoCrashClassifier()
                .classify(new Evidence(
                        Phase.RUN,
                        "linux",
                        result.exitCode(),
                        null,
                        result.timedOut(),
                        r.translates(arch),
                        result.stdout(),
                        result.stderr(),
                        "M1GO_OK",
                        false));
        return MemoryLimitHit.apply(k, result.memoryLimitHit());
    }

    @Test
    void native_allocating512MiB_underA64MiBLimit_isKilledWithTheReason() throws Exception {
        Classification k = run("native", host.arch(), 512, 64);
        assertThat(k.outcome()).as(k.summary()).isEqualTo(Outcome.KILLED);
        assertThat(k.summary()).startsWith("memory limit of 64 MiB (m1go.memoryLimitMb) reached: ");
        assertThat(k.signature()).isEqualTo("KILLED memory limit");
    }

    @Test
    void native_allocating512MiB_withoutALimit_passes() throws Exception {
        Classification k = run("native", host.arch(), 512, 0);
        assertThat(k.outcome()).as(k.summary()).isEqualTo(Outcome.PASS);
    }

    /** Under qemu the headroom is larger (4 GiB): an allocation well past it is still stopped. */
    @Test
    void qemu_allocating8GiB_underA64MiBLimit_isKilledWithTheReason() throws Exception {
        assumeTrue(!host.emulatorsFor(Arch.ARM64).isEmpty(), "qemu-aarch64 on an amd64 host");
        Classification k = run("qemu", Arch.ARM64, 8192, 64);
        assertThat(k.outcome()).as(k.summary()).isEqualTo(Outcome.KILLED);
        assertThat(k.summary()).startsWith("memory limit of 64 MiB (m1go.memoryLimitMb) reached: ");
    }
}
