package dev.m1go.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRunnerTest {

    @TempDir
    Path tmp;

    private static Host linuxAmd64() {
        return new Host(
                Os.LINUX, Arch.AMD64, "x86_64", "amd64", "6.1", null, List.of(), List.of(), Map.of(), new TreeMap<>());
    }

    /** An engine that answers with fixed facts and counts how often it was asked. */
    static final class FakeProbe extends EngineProbe {
        final AtomicInteger probes = new AtomicInteger();
        final Map<String, String> images = new HashMap<>();
        final String unreachable;
        final String arch;

        FakeProbe(String unreachable) {
            this(unreachable, "amd64");
        }

        FakeProbe(String unreachable, String arch) {
            super(DockerEndpoint.from(Map.of()), Duration.ofSeconds(1));
            this.unreachable = unreachable;
            this.arch = arch;
        }

        @Override
        public EngineInfo probe() throws Unreachable {
            probes.incrementAndGet();
            if (unreachable != null) {
                throw new Unreachable(unreachable);
            }
            return new EngineInfo("20.10.24", "1.41", "linux", arch);
        }

        @Override
        public String imagePlatform(String image) {
            return images.get(image);
        }
    }

    /** Records what the runner asked of the engine. */
    static final class FakeBackend implements ContainerBackend {
        final List<String> calls = new ArrayList<>();
        final List<Map<String, String>> environments = new ArrayList<>();
        String dockerfile;
        List<ContextFile> files;
        long printedMegabytes;
        final List<Long> memories = new ArrayList<>();
        boolean oomKill;

        @Override
        public void connect(DockerEndpoint endpoint, String apiVersion, Duration limit) {
            calls.add("connect " + endpoint.uri() + " " + apiVersion);
        }

        @Override
        public void buildImage(
                String tag, String platform, String dockerfile, List<ContextFile> files, Duration limit) {
            calls.add("build " + tag + " " + platform);
            this.dockerfile = dockerfile;
            this.files = files;
        }

        @Override
        public ContainerRun run(
                String image,
                String platform,
                List<String> argv,
                Map<String, String> environment,
                String workingDirectory,
                Duration timeout,
                Duration quitGrace,
                long memoryBytes,
                java.io.OutputStream stdout,
                java.io.OutputStream stderr)
                throws IOException {
            calls.add("run " + platform + " " + String.join(" ", argv));
            environments.add(environment);
            memories.add(memoryBytes);
            if (argv.get(0).endsWith("/uname")) {
                stdout.write("aarch64\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
                return new ContainerRun(0L, null, false, 5);
            }
            if (oomKill) {
                return new ContainerRun(137L, null, false, 7, true);
            }
            byte[] frame = new byte[1 << 20];
            java.util.Arrays.fill(frame, (byte) 'x');
            for (long i = 0; i < printedMegabytes; i++) {
                stdout.write(frame);
            }
            stdout.write((printedMegabytes > 0 ? "\nM1GO_OK\n" : "out\n").getBytes(StandardCharsets.UTF_8));
            stderr.write("SIGABRT: abort\n".getBytes(StandardCharsets.UTF_8));
            return new ContainerRun(printedMegabytes > 0 ? 0L : 2L, null, false, 7);
        }

        @Override
        public void removeImage(String tag) {
            calls.add("remove " + tag);
        }

        @Override
        public void removeAll() {
            calls.add("removeAll");
        }
    }

    private static ContainerRunner runner(Map<String, String> env, String image, FakeProbe probe, FakeBackend backend) {
        return new ContainerRunner(linuxAmd64(), env, image, e -> probe, backend);
    }

    @Test
    void onLinux_theDefaultMatrixLeavesTheContainerRunnerOut_andAllOrItsNameBringsItBack() {
        ContainerRunner container = runner(Map.of(), null, new FakeProbe(null), new FakeBackend());
        dev.m1go.runner.Runners runners = new dev.m1go.runner.Runners(linuxAmd64(), spec -> null, List.of(container));
        assertThat(container.inDefaultMatrix()).isFalse();
        assertThat(runners.select(List.of()))
                .extracting(dev.m1go.runner.Runner::name)
                .doesNotContain("container")
                .contains("native", "qemu", "binfmt");
        assertThat(runners.select(List.of("all")))
                .extracting(dev.m1go.runner.Runner::name)
                .contains("container");
        assertThat(runners.select(List.of("native", "container")))
                .extracting(dev.m1go.runner.Runner::name)
                .containsExactly("native", "container");
    }

    @Test
    void availability_noEngine_everyPlatformSkippedWithOneReason_probedOnce() {
        FakeProbe probe = new FakeProbe("no socket at /tmp/nope.sock");
        FakeBackend backend = new FakeBackend();
        Map<String, String> env = new HashMap<String, String>();
        env.put("DOCKER_HOST", "unix:///tmp/nope.sock");
        ContainerRunner r = runner(env, null, probe, backend);

        for (int i = 0; i < 5; i++) {
            for (Arch a : List.of(Arch.AMD64, Arch.ARM64)) {
                var av = r.availability(Os.LINUX, a);
                assertThat(av.available()).isFalse();
                assertThat(av.reason())
                        .isEqualTo("Docker not reachable at unix:///tmp/nope.sock (DOCKER_HOST): "
                                + "no socket at /tmp/nope.sock: start a Docker engine or set DOCKER_HOST");
            }
        }
        assertThat(probe.probes).hasValue(1);
        assertThat(backend.calls).as("Testcontainers is never touched").isEmpty();
        assertThat(r.notes()).singleElement().asString().startsWith("container: Docker not reachable at");
    }

    @Test
    void availability_withoutAnyTestcontainersVariable_connectsToTheProbedEngine_andNeedsNoOtherImage() {
        // An offline engine, an empty environment: before, the runner refused (Ryuk's image, the gateway probe's
        // image) unless TESTCONTAINERS_RYUK_DISABLED and TESTCONTAINERS_HOST_OVERRIDE were exported.
        FakeProbe probe = new FakeProbe(null);
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = runner(Map.of(), null, probe, backend);

        var av = r.availability(Os.LINUX, Arch.ARM64);

        assertThat(av.available()).as(av.reason()).isTrue();
        assertThat(backend.calls).containsExactly("connect unix:///var/run/docker.sock 1.41");
        assertThat(r.notes()).noneMatch(n -> n.contains("TESTCONTAINERS"));
    }

    @Test
    void availability_engineAnswers_connectsOnceWithTheEnginesApiVersion_andRecordsIt() {
        FakeProbe probe = new FakeProbe(null);
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = runner(Map.of(), null, probe, backend);

        assertThat(r.availability(Os.LINUX, Arch.AMD64).available()).isTrue();
        assertThat(r.availability(Os.LINUX, Arch.ARM64).available()).isTrue();
        assertThat(r.availability(Os.DARWIN, Arch.ARM64).available()).isFalse();
        assertThat(backend.calls).containsExactly("connect unix:///var/run/docker.sock 1.41");
        assertThat(r.translates(Arch.ARM64)).isTrue();
        assertThat(r.translates(Arch.AMD64)).isFalse();
        assertThat(r.needsStaticBinary()).isTrue();
        assertThat(r.notes()).singleElement().asString().contains("engine 20.10.24 (API 1.41, linux/amd64)");
    }

    @Test
    void baseImage_absentForAPlatform_skipsThatPlatform_andNeedsNoStaticBinary() {
        FakeProbe probe = new FakeProbe(null);
        probe.images.put("debian:bookworm-slim", "linux/amd64");
        ContainerRunner r = runner(Map.of(), "debian:bookworm-slim", probe, new FakeBackend());

        assertThat(r.needsStaticBinary()).isFalse();
        assertThat(r.availability(Os.LINUX, Arch.AMD64).available()).isTrue();
        assertThat(r.availability(Os.LINUX, Arch.ARM64).reason())
                .isEqualTo("m1go.container.image debian:bookworm-slim "
                        + "is linux/amd64 on the engine at unix:///var/run/docker.sock, not linux/arm64: docker pull --platform "
                        + "linux/arm64 debian:bookworm-slim (one tag holds one platform on this engine)");
    }

    @Test
    void run_buildsAScratchImagePerPlatformAndHash_probesTheCpu_runsTheBinary_keepsTheImageForTheRun()
            throws IOException {
        FakeProbe probe = new FakeProbe(null);
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = runner(Map.of(), null, probe, backend);
        r.availability(Os.LINUX, Arch.ARM64);
        Path bin = Files.write(tmp.resolve("c-abort"), new byte[] {1, 2, 3});
        ProcessSpec spec = new ProcessSpec(
                List.of(bin.toString(), "-x"),
                Map.of("PATH", "/usr/bin", "GODEBUG", "asyncpreemptoff=1"),
                tmp,
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                tmp.resolve("out"),
                tmp.resolve("err"));

        ProcessResult result = r.run(spec, Arch.ARM64);

        String tag = backend.calls.get(1).split(" ")[1];
        assertThat(tag).matches("m1go-cell:linux-arm64-[0-9a-f]{16}");
        assertThat(backend.calls.subList(1, backend.calls.size()))
                .containsExactly(
                        "build " + tag + " linux/arm64",
                        "run linux/arm64 /m1go/uname",
                        "run linux/arm64 /m1go/c-abort -x");
        assertThat(backend.dockerfile)
                .isEqualTo("FROM scratch\nCOPY uname c-abort /m1go/\nWORKDIR /tmp\nWORKDIR /m1go\n");
        assertThat(backend.environments.get(1)).containsExactly(Map.entry("GODEBUG", "asyncpreemptoff=1"));
        assertThat(result.observedArch()).isEqualTo("aarch64");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("SIGABRT: abort\n");
        assertThat(Files.readString(tmp.resolve("out"))).isEqualTo("out\n");
        Path probeFile = Files.write(tmp.resolve("uname"), backend.files.get(0).content());
        assertThat(BinaryHeader.read(probeFile).orElseThrow().arch()).contains(Arch.ARM64);
    }

    @Test
    void cellsOfOneBinaryAndPlatform_shareOneImage_removedWhenTheRunIsOver_andTheReportSaysSo() throws IOException {
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = runner(Map.of(), null, new FakeProbe(null), backend);
        r.availability(Os.LINUX, Arch.ARM64);
        Path one = Files.write(Files.createDirectories(tmp.resolve("one")).resolve("c-abort"), new byte[] {1});
        Path two = Files.write(Files.createDirectories(tmp.resolve("two")).resolve("c-abort"), new byte[] {2});
        for (Path bin : List.of(one, one, two)) {
            r.run(
                    new ProcessSpec(
                            List.of(bin.toString()),
                            Map.of(),
                            tmp,
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(3),
                            tmp.resolve("out"),
                            tmp.resolve("err")),
                    Arch.ARM64);
        }
        assertThat(backend.calls.stream().filter(c -> c.startsWith("build "))).hasSize(2);
        assertThat(backend.calls).noneMatch(c -> c.startsWith("remove "));

        r.finish();

        List<String> built = backend.calls.stream()
                .filter(c -> c.startsWith("build "))
                .map(c -> c.split(" ")[1])
                .toList();
        assertThat(backend.calls.stream().filter(c -> c.startsWith("remove ")).map(c -> c.split(" ")[1]))
                .containsExactlyInAnyOrderElementsOf(built);
        assertThat(r.notes())
                .last()
                .asString()
                .isEqualTo(
                        "container: 3 cells ran in 2 images (one per binary and "
                                + "platform, built once and shared by the cells of that binary); removed at the end of the run");
    }

    @Test
    void keepImages_leavesTheImagesOnTheEngine_andNamesThem() throws IOException {
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = new ContainerRunner(linuxAmd64(), Map.of(), null, true, e -> new FakeProbe(null), backend);
        r.availability(Os.LINUX, Arch.AMD64);
        Path bin = Files.write(tmp.resolve("c-abort"), new byte[] {1});
        r.run(
                new ProcessSpec(
                        List.of(bin.toString()),
                        Map.of(),
                        tmp,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3),
                        tmp.resolve("out"),
                        tmp.resolve("err")),
                Arch.AMD64);
        r.finish();
        assertThat(backend.calls).noneMatch(c -> c.startsWith("remove "));
        assertThat(r.notes())
                .last()
                .asString()
                .contains("kept on the engine because m1go.container.keepImages is " + "true: m1go-cell:linux-amd64-");
    }

    @Test
    void unameProbe_isAStaticElfOfEachArchitecture_andItsOutputIsTheMachineField() throws IOException {
        for (Arch a : List.of(Arch.AMD64, Arch.ARM64)) {
            Path f = Files.write(tmp.resolve("probe-" + a), UnameProbe.elf(a).orElseThrow());
            BinaryHeader h = BinaryHeader.read(f).orElseThrow();
            assertThat(h.arch()).contains(a);
            assertThat(h.interpreter()).as("static: no ELF interpreter").isNull();
        }
        assertThat(UnameProbe.elf(Arch.RISCV64)).isEmpty();
        assertThat(UnameProbe.machine("x86_64\0\0\0\0")).isEqualTo("x86_64");
        assertThat(UnameProbe.machine("\0\0")).isNull();
    }

    @Test
    void endpoint_dockerHostWins_elseTheDefaultSocket() {
        assertThat(DockerEndpoint.from(Map.of()).describe())
                .isEqualTo("unix:///var/run/docker.sock (the default socket; DOCKER_HOST is not set)");
        assertThat(DockerEndpoint.from(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"))
                        .describe())
                .isEqualTo("tcp://10.0.0.5:2375 (DOCKER_HOST)");
        assertThat(TestcontainersBackend.sameEndpoint(
                        "unix:///var/run/../run/docker.sock", "unix:///var/run/docker.sock"))
                .isTrue();
        assertThat(TestcontainersBackend.sameEndpoint("unix:///var/run/docker.sock", "unix:///tmp/nope.sock"))
                .isFalse();
    }

    @Test
    void transport_isExactlyTheProbedEndpoint_andTlsForAnotherEndpointIsRefusedNamingTheSettings() throws Exception {
        assertThat(TestcontainersBackend.transport(DockerEndpoint.from(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375")))
                        .getDockerHost())
                .hasToString("tcp://10.0.0.5:2375");
        assertThat(TestcontainersBackend.transport(DockerEndpoint.from(Map.of()))
                        .getDockerHost())
                .hasToString("unix:///var/run/docker.sock");
        // This JVM's own environment names no TLS engine at 10.0.0.5 (the tests run without DOCKER_HOST of that).
        DockerEndpoint tls =
                DockerEndpoint.from(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestcontainersBackend.transport(tls))
                .isInstanceOf(EngineProbe.Unreachable.class)
                .hasMessageContaining("DOCKER_TLS_VERIFY is set for tcp://10.0.0.5:2376")
                .hasMessageContaining("DOCKER_HOST");
    }

    @Test
    void run_hugeOutput_isStreamedToTheLog_andOnlyItsHeadAndTailStayInMemory() throws IOException {
        FakeBackend backend = new FakeBackend();
        backend.printedMegabytes = 40;
        ContainerRunner r = runner(Map.of(), null, new FakeProbe(null), backend);
        r.availability(Os.LINUX, Arch.AMD64);
        Path bin = Files.write(tmp.resolve("chatty"), new byte[] {1});
        ProcessResult result = r.run(
                new ProcessSpec(
                        List.of(bin.toString()),
                        Map.of(),
                        tmp,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3),
                        tmp.resolve("out"),
                        tmp.resolve("err")),
                Arch.AMD64);
        assertThat(Files.size(tmp.resolve("out"))).isEqualTo((40L << 20) + "\nM1GO_OK\n".length());
        assertThat(result.stdout()).endsWith("\nM1GO_OK\n").contains("bytes omitted");
        assertThat(result.stdout().length()).isLessThan(400 * 1024);
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void leftovers_areObjectsOfDeadRunsOfThisHost_only() {
        String host = Leftovers.hostNameOfThisRun();
        String live = Leftovers.runId(ProcessHandle.current());
        String kind = TestcontainersBackend.LABEL;
        assertThat(Leftovers.leftOver(Leftovers.labels(kind, "image"), kind, host))
                .as("this run")
                .isFalse();
        assertThat(Leftovers.leftOver(
                        Map.of(kind, "image", Leftovers.RUN_LABEL, "999999999-1", Leftovers.HOST_LABEL, host),
                        kind,
                        host))
                .as("a dead run")
                .isTrue();
        String reused = ProcessHandle.current().pid() + "-1";
        assertThat(Leftovers.leftOver(
                        Map.of(kind, "image", Leftovers.RUN_LABEL, reused, Leftovers.HOST_LABEL, host), kind, host))
                .as("a dead run whose PID is reused by a live process")
                .isTrue();
        assertThat(Leftovers.leftOver(
                        Map.of(kind, "image", Leftovers.RUN_LABEL, "999999999-1", Leftovers.HOST_LABEL, "elsewhere"),
                        kind,
                        host))
                .as("another host's run")
                .isFalse();
        assertThat(Leftovers.leftOver(Map.of(kind, "image"), kind, host))
                .as("no run label")
                .isFalse();
        assertThat(Leftovers.leftOver(
                        Map.of(Leftovers.RUN_LABEL, "999999999-1", Leftovers.HOST_LABEL, host), kind, host))
                .as("not m1go's")
                .isFalse();
        assertThat(live).startsWith(ProcessHandle.current().pid() + "-");
    }

    @Test
    void memoryLimit_isTheProgramsContainersLimit_notTheProbes_andAnOomKillIsTheLimitReached() throws IOException {
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = runner(Map.of(), null, new FakeProbe(null), backend);
        r.availability(Os.LINUX, Arch.AMD64);
        Path bin = Files.write(tmp.resolve("alloc"), new byte[] {1});
        ProcessSpec spec = new ProcessSpec(
                        List.of(bin.toString()),
                        Map.of(),
                        tmp,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3),
                        tmp.resolve("out"),
                        tmp.resolve("err"))
                .withMemoryLimit(dev.m1go.exec.MemoryLimit.of(64));

        backend.oomKill = true;
        ProcessResult killed = r.run(spec, Arch.AMD64);

        assertThat(backend.memories).containsExactly(0L, 64L << 20);
        assertThat(killed.exitCode()).isEqualTo(137);
        assertThat(killed.memoryLimitHit())
                .isEqualTo("memory limit of 64 MiB (m1go.memoryLimitMb) reached: the "
                        + "engine's OOM killer ended the container (State.OOMKilled; memory and memory-swap 67108864)");
    }

    @Test
    void withoutALimit_theContainerIsUnlimited_andAnOomKillIsNoLimitOfOurs() throws IOException {
        FakeBackend backend = new FakeBackend();
        ContainerRunner r = runner(Map.of(), null, new FakeProbe(null), backend);
        r.availability(Os.LINUX, Arch.AMD64);
        Path bin = Files.write(tmp.resolve("alloc"), new byte[] {1});
        backend.oomKill = true;
        ProcessResult result = r.run(
                new ProcessSpec(
                        List.of(bin.toString()),
                        Map.of(),
                        tmp,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3),
                        tmp.resolve("out"),
                        tmp.resolve("err")),
                Arch.AMD64);
        assertThat(backend.memories).containsExactly(0L, 0L);
        assertThat(result.memoryLimitHit()).isNull();
        assertThat(ContainerRunner.memoryLimitHit(
                        dev.m1go.exec.MemoryLimit.of(64), new ContainerBackend.ContainerRun(0L, null, false, 5, true)))
                .as("exited 0")
                .isNull();
    }

    private static ProcessSpec spec(Path bin, Path tmp) {
        return new ProcessSpec(
                List.of(bin.toString()),
                Map.of(),
                tmp,
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                tmp.resolve("out"),
                tmp.resolve("err"));
    }

    /**
     * m1go.container.hosts.linux-arm64 names an arm64 engine: arm64 cells are built and run there, natively, and say
     * so; amd64 cells stay on the default engine; each engine removes its own images; each is probed and connected
     * once.
     */
    @Test
    void perPlatformEngine_runsThatPlatformsCellsThere_natively_andTheReportNamesIt() throws IOException {
        DockerEndpoint arm = new DockerEndpoint("tcp://arm64-box:2375", "m1go.container.hosts.linux-arm64", false);
        Map<String, FakeProbe> probes =
                Map.of(DockerEndpoint.DEFAULT, new FakeProbe(null, "amd64"), arm.uri(), new FakeProbe(null, "arm64"));
        Map<String, FakeBackend> backends =
                Map.of(DockerEndpoint.DEFAULT, new FakeBackend(), arm.uri(), new FakeBackend());
        ContainerRunner r = new ContainerRunner(
                linuxAmd64(),
                Map.of(),
                Map.of(Arch.ARM64, arm),
                null,
                false,
                e -> probes.get(e.uri()),
                e -> backends.get(e.uri()));

        assertThat(r.availability(Os.LINUX, Arch.ARM64).available()).isTrue();
        assertThat(r.availability(Os.LINUX, Arch.AMD64).available()).isTrue();
        assertThat(r.translates(Arch.ARM64))
                .as("an arm64 engine runs arm64 cells natively")
                .isFalse();
        assertThat(r.translates(Arch.AMD64)).isFalse();
        assertThat(r.endpoint(Arch.ARM64)).isEqualTo(arm);
        Path bin = Files.write(tmp.resolve("c-abort"), new byte[] {1});
        ProcessResult onArm = r.run(spec(bin, tmp), Arch.ARM64);
        ProcessResult onDefault = r.run(spec(bin, tmp), Arch.AMD64);
        r.finish();

        FakeBackend remote = backends.get(arm.uri());
        FakeBackend local = backends.get(DockerEndpoint.DEFAULT);
        assertThat(remote.calls).first().isEqualTo("connect tcp://arm64-box:2375 1.41");
        assertThat(remote.calls)
                .filteredOn(c -> c.startsWith("build ") || c.startsWith("run "))
                .allMatch(c -> c.contains("linux/arm64"))
                .hasSize(3);
        assertThat(local.calls)
                .filteredOn(c -> c.startsWith("build ") || c.startsWith("run "))
                .allMatch(c -> c.contains("linux/amd64"))
                .hasSize(3);
        assertThat(remote.calls)
                .filteredOn(c -> c.startsWith("remove "))
                .singleElement()
                .asString()
                .contains("linux-arm64");
        assertThat(local.calls)
                .filteredOn(c -> c.startsWith("remove "))
                .singleElement()
                .asString()
                .contains("linux-amd64");
        assertThat(onArm.engine()).isEqualTo("tcp://arm64-box:2375");
        assertThat(onDefault.engine()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(probes.get(arm.uri()).probes).hasValue(1);
        assertThat(probes.get(DockerEndpoint.DEFAULT).probes).hasValue(1);
        assertThat(r.notes()).hasSize(3);
        assertThat(r.notes().get(0))
                .startsWith("container: linux/amd64 cells: engine 20.10.24 (API 1.41, linux/amd64) "
                        + "at unix:///var/run/docker.sock (the default socket");
        assertThat(r.notes().get(1))
                .startsWith("container: linux/arm64 cells: engine 20.10.24 (API 1.41, linux/arm64) "
                        + "at tcp://arm64-box:2375 (m1go.container.hosts.linux-arm64)");
        assertThat(r.notes().get(2))
                .isEqualTo("container: 2 cells ran in 2 images (one per binary and platform, built "
                        + "once and shared by the cells of that binary) (1 on unix:///var/run/docker.sock, 1 on "
                        + "tcp://arm64-box:2375); removed at the end of the run");
    }

    /** A named engine that does not answer skips its platform's cells only, never moves them to the default engine. */
    @Test
    void perPlatformEngine_unreachable_skipsOnlyItsPlatform_namingTheSetting() {
        DockerEndpoint arm =
                new DockerEndpoint("unix:///tmp/arm64-docker.sock", "m1go.container.hosts.linux-arm64", false);
        FakeBackend local = new FakeBackend();
        FakeBackend remote = new FakeBackend();
        ContainerRunner r = new ContainerRunner(
                linuxAmd64(),
                Map.of(),
                Map.of(Arch.ARM64, arm),
                null,
                false,
                e -> e.equals(arm) ? new FakeProbe("no socket at /tmp/arm64-docker.sock") : new FakeProbe(null),
                e -> e.equals(arm) ? remote : local);

        var av = r.availability(Os.LINUX, Arch.ARM64);
        assertThat(av.available()).isFalse();
        assertThat(av.reason())
                .isEqualTo("Docker not reachable at unix:///tmp/arm64-docker.sock "
                        + "(m1go.container.hosts.linux-arm64): no socket at /tmp/arm64-docker.sock: start that engine or change "
                        + "m1go.container.hosts.linux-arm64");
        assertThat(r.availability(Os.LINUX, Arch.AMD64).available()).isTrue();
        assertThat(remote.calls).isEmpty();
        assertThat(local.calls).containsExactly("connect unix:///var/run/docker.sock 1.41");
    }

    /** Naming the default engine for a platform changes nothing: one engine, one client, the notes of one engine. */
    @Test
    void perPlatformEngine_sameAsTheDefault_isOneEngine() {
        FakeBackend backend = new FakeBackend();
        AtomicInteger clients = new AtomicInteger();
        DockerEndpoint same =
                new DockerEndpoint("unix:///var/run/../run/docker.sock", "m1go.container.hosts.linux-arm64", false);
        ContainerRunner r = new ContainerRunner(
                linuxAmd64(), Map.of(), Map.of(Arch.ARM64, same), null, false, e -> new FakeProbe(null), e -> {
                    clients.incrementAndGet();
                    return backend;
                });
        r.availability(Os.LINUX, Arch.ARM64);
        r.availability(Os.LINUX, Arch.AMD64);
        assertThat(clients).hasValue(1);
        assertThat(backend.calls).containsExactly("connect unix:///var/run/docker.sock 1.41");
        assertThat(r.notes()).singleElement().asString().startsWith("container: engine 20.10.24");
    }

    @Test
    void endpointLabel_namesSchemeHostAndPort_neverACredential() {
        assertThat(new DockerEndpoint("tcp://admin:secret@arm64-box:2375/", "x", false).label())
                .isEqualTo("tcp://arm64-box:2375");
        assertThat(new DockerEndpoint("ssh://ci@arm64-box", "DOCKER_HOST", false).describe())
                .isEqualTo("ssh://arm64-box (DOCKER_HOST)");
        assertThat(new DockerEndpoint("unix:///var/run/docker.sock", "x", false).label())
                .isEqualTo("unix:///var/run/docker.sock");
    }
}
