package dev.m1go.runner.container;

import dev.m1go.exec.BoundedCapture;
import dev.m1go.exec.MemoryLimit;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.runner.Runner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a cell's binary in a container of the target platform ({@code linux/amd64}, {@code linux/arm64}) on a Docker
 * engine: by default a {@code FROM scratch} image holding the statically linked binary and a tiny {@code uname}
 * probe, built locally for that platform (never pulled) and tagged by platform and content hash. Each cell runs the
 * probe first, so the report says which CPU the container really saw ({@code RunResult.observedArch}), then the
 * binary itself, with the run's memory limit as the container's (swap included). One image serves every cell of the same binary and platform within a run; containers are removed
 * when their cell is done, images at the end of the run (unless {@code m1go.container.keepImages}), and anything
 * left at JVM exit.
 *
 * <p>Whether the engine answers is found out once per run, by m1go itself, before Testcontainers is touched: no
 * engine, or a {@code DOCKER_HOST} that does not answer, makes every container cell SKIPPED within seconds, and a
 * named engine is never replaced by another one.
 *
 * <p>{@code m1go.container.hosts.<goos>-<goarch>} gives one platform's cells an engine of their own (an arm64 machine
 * that runs arm64 cells natively): each engine has its own client, its images are built on it from the binary sent in
 * the build context (nothing is pulled, no registry is involved), its containers and images are removed from it, and
 * every run records the engine it ran on ({@code runs[].engine}).
 */
public final class ContainerRunner implements Runner {

    public static final String NAME = "container";
    /** Repository of the images m1go builds; the tag is {@code <goos>-<goarch>-<content hash>}. */
    public static final String IMAGE_REPOSITORY = "m1go-cell";

    static final String DIR = "/m1go";
    static final List<String> NOT_PASSED =
            List.of("PATH", "HOME", "TMPDIR", "USER", "SSL_CERT_FILE", "SSL_CERT_DIR", "DEVELOPER_DIR", "SDKROOT");
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Host host;
    private final String baseImage;
    private final Function<DockerEndpoint, EngineProbe> probes;

    /** The engine of {@code DOCKER_HOST} or the default socket. */
    private final Engine defaultEngine;
    /** The engine of each platform: the default one unless {@code m1go.container.hosts} names another. */
    private final Map<Arch, Engine> engines = new EnumMap<>(Arch.class);
    /** Whether {@code m1go.container.hosts} names an engine other than the default one for some platform. */
    private final boolean perPlatform;

    private final boolean keepImages;
    /** Image tag → how many cells ran in it; an image is built once per run, by the first cell that needs it. */
    private final Map<String, Integer> images = new TreeMap<>();
    /** Image tag → the engine it was built on (a tag names one platform, so one engine). */
    private final Map<String, Engine> imageEngines = new TreeMap<>();

    private final Map<String, Object> imageLocks = new TreeMap<>();
    private final List<String> finished = new ArrayList<>();

    /** What was found out about an engine, once per run. */
    private record State(EngineProbe.EngineInfo engine, String unavailable, List<String> notes) {}

    /** One Docker engine: where it is, the client that talks to it, and what was found out about it. */
    private static final class Engine {
        final DockerEndpoint endpoint;
        final ContainerBackend backend;
        final Map<Arch, String> imageProblems = new EnumMap<>(Arch.class);
        State state;

        Engine(DockerEndpoint endpoint, ContainerBackend backend) {
            this.endpoint = endpoint;
            this.backend = backend;
        }
    }

    /**
     * @param environment the process environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY})
     * @param baseImage   {@code m1go.container.image}: run the dynamically linked binary in this image instead of
     *                    {@code FROM scratch}; {@code null} for scratch
     */
    ContainerRunner(
            Host host,
            Map<String, String> environment,
            String baseImage,
            Function<DockerEndpoint, EngineProbe> probes,
            ContainerBackend backend) {
        this(host, environment, baseImage, false, probes, backend);
    }

    /** @param keepImages {@code m1go.container.keepImages}: leave the images on the engine when the run is over */
    public ContainerRunner(
            Host host,
            Map<String, String> environment,
            String baseImage,
            boolean keepImages,
            Function<DockerEndpoint, EngineProbe> probes,
            ContainerBackend backend) {
        this(host, environment, Map.of(), baseImage, keepImages, probes, e -> backend);
    }

    /**
     * @param hosts    {@code m1go.container.hosts}: the engine of each platform named ({@link ContainerHosts#parse});
     *                 the others use the engine of {@code DOCKER_HOST} or the default socket
     * @param backends the client of each engine, one per engine
     */
    public ContainerRunner(
            Host host,
            Map<String, String> environment,
            Map<Arch, DockerEndpoint> hosts,
            String baseImage,
            boolean keepImages,
            Function<DockerEndpoint, EngineProbe> probes,
            Function<DockerEndpoint, ContainerBackend> backends) {
        this.keepImages = keepImages;
        this.host = host;
        this.baseImage = baseImage == null || baseImage.isBlank() ? null : baseImage.trim();
        this.probes = probes;
        DockerEndpoint fallback = DockerEndpoint.from(environment);
        this.defaultEngine = new Engine(fallback, backends.apply(fallback));
        List<Engine> named = new ArrayList<>();
        boolean other = false;
        for (Arch a : ContainerHosts.platforms()) {
            DockerEndpoint e = hosts.get(a);
            Engine engine = defaultEngine;
            if (e != null && !e.sameEngine(fallback)) {
                engine = named.stream()
                        .filter(n -> n.endpoint.sameEngine(e))
                        .findFirst()
                        .orElse(null);
                if (engine == null) {
                    engine = new Engine(e, backends.apply(e));
                    named.add(engine);
                }
                other = true;
            }
            engines.put(a, engine);
        }
        this.perPlatform = other;
    }

    /** The runner of this machine: the real engine through Testcontainers. */
    public static ContainerRunner of(Host host, Map<String, String> environment, String baseImage) {
        return of(host, environment, baseImage, false);
    }

    /** The runner of this machine, keeping its images after the run when {@code keepImages}. */
    public static ContainerRunner of(Host host, Map<String, String> environment, String baseImage, boolean keepImages) {
        return of(host, environment, Map.of(), baseImage, keepImages);
    }

    /** The runner of this machine with the engines {@code m1go.container.hosts} names for some platforms. */
    public static ContainerRunner of(
            Host host,
            Map<String, String> environment,
            Map<Arch, DockerEndpoint> hosts,
            String baseImage,
            boolean keepImages) {
        return new ContainerRunner(
                host,
                environment,
                hosts,
                baseImage,
                keepImages,
                e -> new EngineProbe(e, PROBE_TIMEOUT),
                e -> new TestcontainersBackend());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(Os os, Arch arch) {
        return os == Os.LINUX && (arch == Arch.AMD64 || arch == Arch.ARM64);
    }

    @Override
    public synchronized Availability availability(Os os, Arch arch) {
        if (!appliesTo(os, arch)) {
            return Availability.no(
                    "containers run linux/amd64 and linux/arm64 binaries; not " + os.goos() + "/" + arch.goarch());
        }
        Engine engine = engines.get(arch);
        State s = state(engine);
        if (s.unavailable() != null) {
            return Availability.no(s.unavailable());
        }
        String problem = engine.imageProblems.computeIfAbsent(arch, a -> baseImageProblem(engine, a));
        return problem.isEmpty() ? Availability.yes() : Availability.no(problem);
    }

    /**
     * Whether the engine of {@code arch}'s cells runs them translated: its own architecture (which it announced)
     * differs. An arm64 engine named by {@code m1go.container.hosts.linux-arm64} runs them natively.
     */
    @Override
    public synchronized boolean translates(Arch arch) {
        Engine engine = engines.get(arch);
        State s = engine == null ? null : engine.state;
        Arch engineArch = s == null || s.engine() == null
                ? host.arch()
                : Arch.parse(s.engine().arch()).orElse(host.arch());
        return arch != engineArch;
    }

    @Override
    public boolean needsStaticBinary() {
        return baseImage == null;
    }

    /**
     * Not on Linux: there a {@code --platform} container of the other architecture is translated by the same
     * binfmt_misc handler as the {@code binfmt} runner, while a scratch image needs a static build of every binary,
     * which doubles the default matrix's builds. On macOS the engine's own virtual machine (and its Rosetta or qemu)
     * is a translator of its own.
     */
    @Override
    public boolean inDefaultMatrix() {
        return host.os() != dev.m1go.host.Os.LINUX;
    }

    @Override
    public boolean startsSlowly() {
        return true;
    }

    @Override
    public synchronized List<String> notes() {
        List<String> all = new ArrayList<>();
        for (Engine e : distinctEngines()) {
            if (e.state != null) {
                all.addAll(e.state.notes());
            }
        }
        all.addAll(finished);
        return all;
    }

    /** Removes the images of this run (or keeps them with {@code m1go.container.keepImages}) and says so. */
    @Override
    public void finish() {
        Map<String, Integer> used;
        Map<String, Engine> where;
        synchronized (images) {
            used = new TreeMap<>(images);
            where = new TreeMap<>(imageEngines);
            images.clear();
            imageEngines.clear();
        }
        if (used.isEmpty()) {
            return;
        }
        int cells = used.values().stream().mapToInt(Integer::intValue).sum();
        String what = "container: " + cells + " cells ran in " + used.size() + " images (one per binary and platform, "
                + "built once and shared by the cells of that binary)";
        if (perPlatform) {
            Map<String, Integer> perEngine = new java.util.LinkedHashMap<>();
            for (Engine e : distinctEngines()) {
                long n = where.values().stream().filter(w -> w == e).count();
                if (n > 0) {
                    perEngine.put(e.endpoint.label(), (int) n);
                }
            }
            List<String> parts = new ArrayList<>();
            perEngine.forEach((label, n) -> parts.add(n + " on " + label));
            what += " (" + String.join(", ", parts) + ")";
        }
        if (keepImages) {
            what += "; kept on the engine because m1go.container.keepImages is true: "
                    + String.join(", ", used.keySet());
        } else {
            used.keySet()
                    .forEach(tag ->
                            where.getOrDefault(tag, defaultEngine).backend.removeImage(tag));
            what += "; removed at the end of the run";
        }
        synchronized (this) {
            finished.add(what);
        }
    }

    /** The engine m1go talks to when {@code m1go.container.hosts} names none for a platform. */
    public DockerEndpoint endpoint() {
        return defaultEngine.endpoint;
    }

    /** The engine that runs the container cells of {@code arch}. */
    public DockerEndpoint endpoint(Arch arch) {
        Engine e = engines.get(arch);
        return e == null ? defaultEngine.endpoint : e.endpoint;
    }

    /** The default engine first, then the others, each once. */
    private List<Engine> distinctEngines() {
        List<Engine> out = new ArrayList<>(List.of(defaultEngine));
        engines.values().stream().filter(e -> !out.contains(e)).forEach(out::add);
        return out;
    }

    private State state(Engine engine) {
        if (engine.state == null) {
            engine.state = findOut(engine);
        }
        return engine.state;
    }

    /** {@code "linux/arm64 cells: "} when engines differ by platform, else empty. */
    private String platformsOf(Engine engine) {
        if (!perPlatform) {
            return "";
        }
        List<String> platforms = engines.entrySet().stream()
                .filter(en -> en.getValue() == engine)
                .map(en -> "linux/" + en.getKey().goarch())
                .toList();
        return String.join(" and ", platforms) + " cells: ";
    }

    private State findOut(Engine engine) {
        List<String> notes = new ArrayList<>();
        DockerEndpoint endpoint = engine.endpoint;
        EngineProbe probe = probes.apply(endpoint);
        EngineProbe.EngineInfo info;
        try {
            info = probe.probe();
        } catch (EngineProbe.Unreachable e) {
            String advice = endpoint.source().startsWith(dev.m1go.settings.PropertyNames.CONTAINER_HOSTS_PREFIX)
                    ? "start that engine or change " + endpoint.source()
                    : "start a Docker engine or set DOCKER_HOST";
            String reason = "Docker not reachable at " + endpoint.describe() + ": " + e.getMessage() + ": " + advice;
            notes.add("container: " + platformsOf(engine) + reason);
            return new State(null, reason, notes);
        }
        notes.add("container: " + platformsOf(engine) + "engine " + info.version() + " (API " + info.apiVersion()
                + ", " + info.os() + "/" + info.arch() + ") at " + endpoint.describe()
                + (baseImage == null
                        ? "; images FROM scratch with statically linked binaries"
                        : "; base image " + baseImage + " with dynamically linked binaries"));
        try {
            engine.backend.connect(endpoint, info.apiVersion(), Duration.ofSeconds(60));
        } catch (EngineProbe.Unreachable e) {
            return new State(
                    info, "Docker engine at " + endpoint.describe() + " could not be used: " + e.getMessage(), notes);
        }
        return new State(info, null, notes);
    }

    /** Empty when the base image (if any) is on the engine for {@code arch}, else the reason. */
    private String baseImageProblem(Engine engine, Arch arch) {
        if (baseImage == null) {
            return "";
        }
        String wanted = "linux/" + arch.goarch();
        String at = engine.endpoint.label();
        try {
            String have = probes.apply(engine.endpoint).imagePlatform(baseImage);
            if (have == null) {
                return "m1go.container.image " + baseImage + " is not on the engine at " + at
                        + " and m1go does not pull: docker pull --platform " + wanted + " " + baseImage;
            }
            if (!have.equals(wanted)) {
                return "m1go.container.image " + baseImage + " is " + have + " on the engine at " + at
                        + ", not " + wanted + ": docker pull --platform " + wanted + " " + baseImage
                        + " (one tag holds one platform on this engine)";
            }
            return "";
        } catch (EngineProbe.Unreachable e) {
            return "m1go.container.image " + baseImage + " could not be looked up: " + e.getMessage();
        }
    }

    @Override
    public ProcessResult run(ProcessSpec spec, Arch arch) throws IOException {
        Engine engine;
        synchronized (this) {
            engine = engines.getOrDefault(arch, defaultEngine);
        }
        ContainerBackend backend = engine.backend;
        Path binary = Path.of(spec.argv().get(0));
        byte[] program = Files.readAllBytes(binary);
        byte[] probe = UnameProbe.elf(arch).orElseThrow();
        String platform = "linux/" + arch.goarch();
        String name = binary.getFileName().toString();
        String tag = IMAGE_REPOSITORY + ":" + "linux-" + arch.goarch() + "-"
                + hash(platform, String.valueOf(baseImage), probe, program);
        // A scratch image has no /tmp, which os.TempDir() and most programs take for granted: WORKDIR creates it.
        // It comes after the COPY of this platform's files: as the first step on scratch, its cached layer would be
        // shared by both platforms, and the engine refuses to reuse a linux/amd64 layer for a linux/arm64 build.
        String dockerfile = "FROM " + (baseImage == null ? "scratch" : baseImage) + "\n"
                + "COPY uname " + name + " " + DIR + "/\n"
                + "WORKDIR /tmp\n"
                + "WORKDIR " + DIR + "\n";

        try {
            acquire(
                    engine,
                    tag,
                    platform,
                    dockerfile,
                    List.of(
                            new ContainerBackend.ContextFile("uname", probe, 0755),
                            new ContainerBackend.ContextFile(name, program, 0755)));
        } catch (IOException e) {
            throw new CannotRun(
                    "the container runner could not build image " + tag + " on the engine at " + engine.endpoint.label()
                            + ": " + e.getMessage(),
                    e);
        }
        List<String> argv = new ArrayList<>(List.of(DIR + "/" + name));
        argv.addAll(spec.argv().subList(1, spec.argv().size()));
        Map<String, String> env = new TreeMap<>(spec.environment());
        NOT_PASSED.forEach(env::remove);
        ContainerBackend.ContainerRun r;
        String observed;
        Files.createDirectories(spec.stdoutLog().toAbsolutePath().getParent());
        Files.createDirectories(spec.stderrLog().toAbsolutePath().getParent());
        try (BoundedCapture out = BoundedCapture.toFile(spec.stdoutLog());
                BoundedCapture err = BoundedCapture.toFile(spec.stderrLog())) {
            try {
                BoundedCapture unameOut = BoundedCapture.inMemory(256, 256);
                ContainerBackend.ContainerRun uname = backend.run(
                        tag,
                        platform,
                        List.of(DIR + "/uname"),
                        Map.of(),
                        DIR,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        0,
                        unameOut,
                        OutputStream.nullOutputStream());
                observed = uname.exitCode() != null && uname.exitCode() == 0
                        ? UnameProbe.machine(unameOut.text(StandardCharsets.ISO_8859_1))
                        : null;
                r = backend.run(
                        tag,
                        platform,
                        argv,
                        env,
                        DIR,
                        spec.timeout(),
                        spec.quitGrace(),
                        spec.memoryLimit().bytes(),
                        out,
                        err);
            } catch (IOException e) {
                throw new CannotRun(
                        "the container runner could not run " + tag + " on the engine at " + engine.endpoint.label()
                                + ": " + e.getMessage(),
                        e);
            }
            if (r.startFailure() != null) {
                err.write((r.startFailure() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            err.flush();
            Integer exit = r.exitCode() == null ? null : r.exitCode().intValue();
            String startFailure = exit == null ? r.startFailure() : null;
            String truncated = out.logFailure() != null ? out.logFailure() : err.logFailure();
            return new ProcessResult(
                    exit,
                    startFailure,
                    r.timedOut(),
                    out.text(),
                    err.text(),
                    r.durationMillis(),
                    observed,
                    0,
                    truncated,
                    memoryLimitHit(spec.memoryLimit(), r),
                    engine.endpoint.label());
        }
    }

    /** Why a container run reached its memory limit: the engine's OOM killer ended it; else {@code null}. */
    static String memoryLimitHit(MemoryLimit limit, ContainerBackend.ContainerRun r) {
        if (!limit.limited() || !r.oomKilled() || r.timedOut() || r.exitCode() == null || r.exitCode() == 0) {
            return null;
        }
        return limit.describe() + " reached: the engine's OOM killer ended the container (State.OOMKilled; memory "
                + "and memory-swap " + limit.bytes() + ")";
    }

    /** Builds the image {@code tag} unless an earlier cell of this run did, and counts this cell as its user. */
    private void acquire(
            Engine engine, String tag, String platform, String dockerfile, List<ContainerBackend.ContextFile> files)
            throws IOException {
        Object lock;
        synchronized (images) {
            lock = imageLocks.computeIfAbsent(tag, k -> new Object());
        }
        synchronized (lock) {
            boolean built;
            synchronized (images) {
                built = images.containsKey(tag);
            }
            if (!built) {
                engine.backend.buildImage(tag, platform, dockerfile, files, Duration.ofMinutes(5));
            }
            synchronized (images) {
                images.merge(tag, 1, Integer::sum);
                imageEngines.put(tag, engine);
            }
        }
    }

    static String hash(String platform, String base, byte[] probe, byte[] program) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(platform.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(base.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(probe);
            d.update(program);
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return NAME + " (" + defaultEngine.endpoint.label() + ")";
    }
}
