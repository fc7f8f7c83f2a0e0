package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.cases.CaseLoader;
import dev.m1go.classify.Classification;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.Outcome;
import dev.m1go.exec.MemoryLimit;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m1go.memoryLimitMb} in the engine (fake processes): which processes get it, and how a hit reads. */
class MemoryLimitMatrixTest {

    @TempDir
    Path dir;

    private Path bin;
    private final List<ProcessSpec> started = Collections.synchronizedList(new ArrayList<>());
    private Function<ProcessSpec, ProcessResult> binary = s -> ok("M1GO_OK\n");

    private static ProcessResult ok(String stdout) {
        return new ProcessResult(0, null, false, stdout, "", 5);
    }

    @BeforeEach
    void fakeTools() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("gcc", "ar", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-ar")) {
            Files.setPosixFilePermissions(
                    Files.writeString(bin.resolve(tool), "#!/bin/sh\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private ProcessResult fake(ProcessSpec s) {
        started.add(s);
        List<String> argv = s.argv();
        if (argv.contains("--version")) {
            return ok("gcc (Debian 12.2.0-14) 12.2.0\n");
        }
        if (argv.get(0).endsWith("/bin/go")) {
            try {
                Files.writeString(Path.of(argv.get(argv.indexOf("-o") + 1)), "binary");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ok("");
        }
        if (argv.get(0).contains("gcc") || argv.get(0).endsWith("ar")) {
            return ok("");
        }
        return binary.apply(s);
    }

    private List<CellResult> run(int memoryLimitMb, List<String> runners) throws Exception {
        Host host = new Host(
                Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                List.of(new Emulator("qemu-aarch64", Arch.ARM64, Path.of("/usr/bin/qemu-aarch64"), "7.2")),
                List.of(new BinfmtEntry("qemu-aarch64", true, "/x", "PF", Arch.ARM64)),
                Map.of(Arch.ARM64, Path.of("/usr/aarch64-linux-gnu")),
                new TreeMap<>());
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Runners all = new Runners(host, this::fake, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        MatrixRequest request = MatrixRequest.builder()
                .outputDirectory(dir.resolve("out"))
                .cacheDirectory(dir.resolve("cache"))
                .runTimeout(Duration.ofSeconds(5))
                .buildTimeout(Duration.ofSeconds(5))
                .quitGrace(Duration.ofSeconds(1))
                .home(dir)
                .cases(new CaseLoader().load(null, List.of("cgo-hello")))
                .toolchains(List.of(new Toolchain("go1.22.12", dir.resolve("go"), Arch.AMD64, "test", Map.of(), null)))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64), new Platform(Os.LINUX, Arch.ARM64)))
                .runners(all.select(runners))
                .threads(1)
                .environment(env)
                .memoryLimitMb(memoryLimitMb)
                .build();
        MatrixEngine engine = new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all);
        return engine.run(request, engine.plan(request), (r, done, total) -> {});
    }

    private static boolean tool(ProcessSpec s) {
        String argv0 = s.argv().get(0);
        return argv0.endsWith("/bin/go") || argv0.contains("gcc") || argv0.endsWith("ar");
    }

    @Test
    void onlyTheRunsOfTheBinary_getTheLimit_markedTranslatedBehindATranslator() throws Exception {
        run(64, List.of("native", "qemu"));
        List<ProcessSpec> builds =
                started.stream().filter(MemoryLimitMatrixTest::tool).toList();
        assertThat(builds)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.memoryLimit()).isEqualTo(MemoryLimit.NONE));
        List<MemoryLimit> runs = started.stream()
                .filter(s -> !tool(s))
                .map(ProcessSpec::memoryLimit)
                .toList();
        assertThat(runs).containsExactlyInAnyOrder(new MemoryLimit(64, false), new MemoryLimit(64, true));
    }

    @Test
    void withoutTheSetting_noRunIsLimited() throws Exception {
        run(0, List.of("native"));
        assertThat(started)
                .allSatisfy(s -> assertThat(s.memoryLimit().limited()).isFalse());
    }

    @Test
    void aRunThatReachedTheLimitUnderRlimitAs_isKilled_withTheReason_notGoFatal() throws Exception {
        String reason = "memory limit of 64 MiB (m1go.memoryLimitMb) reached: an allocation failed with the address "
                + "space limited to 1088 MiB (RLIMIT_AS: the limit and 1024 MiB of headroom): fatal error: out of memory";
        binary = s -> new ProcessResult(
                        2,
                        null,
                        false,
                        "",
                        "fatal error: out of memory\n\ngoroutine 1 [running]:\n"
                                + "main.main()\n\t/src/main.go:9 +0x1d\n",
                        5)
                .withMemoryLimitHit(reason);
        CellResult c = run(64, List.of("native")).get(0);
        assertThat(c.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(c.diagnosis().summary()).startsWith(reason + "; fatal error: out of memory");
        assertThat(c.diagnosis().signature()).isEqualTo("KILLED memory limit");
        assertThat(c.diagnosis().signal()).isNull();
        assertThat(c.runs().get(0).outcome()).isEqualTo(Outcome.KILLED);
    }

    @Test
    void aRunTheOomKillerEnded_isKilledBySigkill_withTheReason() throws Exception {
        String reason = "memory limit of 64 MiB (m1go.memoryLimitMb) reached: the kernel's OOM killer ended a process "
                + "of the run in its cgroup (memory.max 67108864, memory.events oom_kill 1)";
        binary = s -> new ProcessResult(137, null, false, "", "", 5).withMemoryLimitHit(reason);
        CellResult c = run(64, List.of("native")).get(0);
        assertThat(c.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(c.diagnosis().signal()).isEqualTo("SIGKILL");
        assertThat(c.diagnosis().summary()).startsWith(reason + "; died by SIGKILL (exit status 137)");
        assertThat(c.diagnosis().signature()).isEqualTo("KILLED memory limit");
    }

    @Test
    void withoutAHit_theClassificationStands() {
        Classification k = Classification.of(Outcome.GO_FATAL, null, "fatal error: out of memory");
        assertThat(MemoryLimitHit.apply(k, null)).isSameAs(k);
    }
}
