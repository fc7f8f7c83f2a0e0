package dev.m1go.runner.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The container runner's engine access through the Docker client inside Testcontainers (docker-java), made for exactly
 * the endpoint m1go probed ({@link #client}). Nothing else of Testcontainers runs: no Ryuk container, no gateway
 * probe, no engine search, no registry-credential lookup, so an offline engine needs no image but m1go's own, no
 * {@code TESTCONTAINERS_*} variable, and no engine at {@code DOCKER_HOST} or the default socket when every platform
 * has its own ({@code m1go.container.hosts}). The client creates one container per run through the engine API, with the
 * platform set on the create call and network mode {@code none}; a container that exits at once keeps its id, exit
 * code and logs. The time limit is m1go's: SIGQUIT through the API, a grace period, then SIGKILL. Logs are streamed
 * frame by frame into the caller's bounded captures.
 *
 * <p>Everything m1go creates carries the labels {@value #LABEL}, {@value Leftovers#RUN_LABEL} (this JVM's PID and
 * start time) and {@value Leftovers#HOST_LABEL}. On connecting, objects of an m1go run of this host that no longer lives (killed by
 * SIGKILL, say) are removed; objects of a live run, of another host, or without these labels are never touched. The
 * clean-up at JVM exit first stops new container work, then removes what this run created.
 *
 * <p>One instance talks to one engine: with {@code m1go.container.hosts} a run has one per engine, each with its own
 * client, registry of what it created and clean-up at JVM exit, so every container on any engine is removed.
 *
 * <p>It stays one class of about 400 lines because image building, the container's life and the clean-up share
 * the engine connection and the registry of what this run created; splitting them would pass both around. Reading a
 * finished container's logs needs neither, and is {@link ContainerLogs}.
 */
final class TestcontainersBackend implements ContainerBackend {

    /** Label on everything m1go creates. */
    public static final String LABEL = "dev.m1go.runner";

    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;
    private final Set<String> liveContainers = ConcurrentHashMap.newKeySet();
    private final Set<String> liveImages = ConcurrentHashMap.newKeySet();
    private volatile DockerClient client;
    private volatile boolean hooked;

    @Override
    public synchronized void connect(DockerEndpoint endpoint, String apiVersion, Duration limit)
            throws EngineProbe.Unreachable {
        if (client != null) {
            return;
        }
        TransportConfig transport = transport(endpoint);
        // Testcontainers' own client asks for API 1.44 and falls back to 1.32 on an older engine, where a container's
        // platform is ignored; the version the engine itself announced makes the platform count, each engine of a run
        // (m1go.container.hosts) its own. A user's own choice stays.
        String chosen = System.getProperty("api.version", System.getenv("DOCKER_API_VERSION"));
        connect(transport, chosen != null && !chosen.isBlank() ? chosen : apiVersion, limit);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    removeAll();
                                } catch (LinkageError | RuntimeException e) {
                                    // the JVM is going down; nothing left to report to
                                }
                            },
                            "m1go-container-cleanup"));
        }
    }

    private void connect(TransportConfig transport, String apiVersion, Duration limit) throws EngineProbe.Unreachable {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "m1go-docker-connect");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<DockerClient> f = ex.submit(() -> client(transport, apiVersion));
            DockerClient c = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            client = c;
            sweep(c);
        } catch (TimeoutException e) {
            throw new EngineProbe.Unreachable("the Docker client did not connect within " + limit.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new EngineProbe.Unreachable("the Docker client could not connect: " + rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineProbe.Unreachable("interrupted while the Docker client connected");
        } finally {
            ex.shutdownNow();
        }
    }

    /**
     * docker-java's client (the copy inside Testcontainers) for exactly this transport, as
     * {@link DockerClientProviderStrategy#getClientForConfig} makes it but without Testcontainers' registry-credential
     * lookup: that lookup, made for every container created, asks Testcontainers' {@code DockerClientFactory} for the
     * engine's index server, which runs its own engine search over {@code DOCKER_HOST} and the default socket; with
     * only engines named by {@code m1go.container.hosts} (or the default one gone), every container cell failed with
     * "Could not find a valid Docker environment". m1go never pulls, so no credential is needed.
     */
    static DockerClient client(TransportConfig transport, String apiVersion) {
        com.github.dockerjava.transport.DockerHttpClient http =
                new com.github.dockerjava.zerodep.ZerodepDockerHttpClient.Builder()
                        .dockerHost(transport.getDockerHost())
                        .sslConfig(transport.getSslConfig())
                        .build();
        var config =
                org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig
                        .createDefaultConfigBuilder()
                        .withDockerHost(transport.getDockerHost().toString())
                        .withDockerTlsVerify(false); // the transport above carries the TLS of DOCKER_CERT_PATH
        if (apiVersion != null && !apiVersion.isBlank()) {
            config.withApiVersion(
                    org.testcontainers.shaded.com.github.dockerjava.core.RemoteApiVersion.parseConfig(apiVersion));
        }
        DockerClient c =
                org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl.getInstance(config.build(), http);
        c.pingCmd().exec();
        return c;
    }

    /**
     * The transport to exactly the endpoint m1go probed. Over TLS the client certificates come from
     * {@code DOCKER_CERT_PATH}, read by Testcontainers' environment strategy (as the docker CLI reads them); that
     * strategy must name the same endpoint.
     */
    static TransportConfig transport(DockerEndpoint endpoint) throws EngineProbe.Unreachable {
        if (!endpoint.tls()) {
            return TransportConfig.builder()
                    .dockerHost(URI.create(endpoint.uri()))
                    .build();
        }
        TransportConfig fromEnvironment;
        try {
            fromEnvironment = new EnvironmentAndSystemPropertyClientProviderStrategy().getTransportConfig();
        } catch (RuntimeException e) {
            throw new EngineProbe.Unreachable("the TLS settings of " + endpoint.uri() + " cannot be read ("
                    + rootMessage(e) + "): check DOCKER_CERT_PATH");
        }
        if (!sameEndpoint(fromEnvironment.getDockerHost().toString(), endpoint.uri())) {
            throw new EngineProbe.Unreachable("DOCKER_TLS_VERIFY is set for " + endpoint.uri()
                    + " but the Docker client settings (DOCKER_HOST, ~/.docker-java.properties) name "
                    + fromEnvironment.getDockerHost() + "; m1go does not run cells on an engine other than the one "
                    + "named");
        }
        return fromEnvironment;
    }

    static boolean sameEndpoint(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String uri) {
        String u = uri.trim();
        if (u.startsWith("unix://")) {
            return "unix://"
                    + java.nio.file.Path.of(u.substring("unix://".length())).normalize();
        }
        return u.replaceAll("/+$", "");
    }

    @Override
    public void buildImage(String tag, String platform, String dockerfile, List<ContextFile> files, Duration limit)
            throws IOException {
        DockerClient c = begin();
        try {
            build(c, tag, platform, dockerfile, files, limit);
        } catch (IOException e) {
            if (closing) {
                throw new dev.m1go.exec.StoppingException("m1go is stopping: the image " + tag + " was not built", e);
            }
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
        if (closing) {
            removeImage(tag);
            throw new dev.m1go.exec.StoppingException("m1go is stopping: the image " + tag + " was removed again");
        }
    }

    private void build(
            DockerClient c, String tag, String platform, String dockerfile, List<ContextFile> files, Duration limit)
            throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            add(out, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            for (ContextFile f : files) {
                add(out, f.name(), f.content(), f.mode());
            }
        }
        liveImages.add(tag);
        try {
            c.buildImageCmd(new ByteArrayInputStream(tar.toByteArray()))
                    .withTags(Set.of(tag))
                    .withPlatform(platform)
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .withLabels(labels("image"))
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(limit.toSeconds(), TimeUnit.SECONDS);
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            throw new IOException("building image " + tag + " for " + platform + " failed: " + e.getMessage(), e);
        }
    }

    private static void add(TarArchiveOutputStream out, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(mode);
        e.setModTime(0);
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
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
            OutputStream stdout,
            OutputStream stderr)
            throws IOException {
        DockerClient c = begin();
        try {
            HostConfig limits = HostConfig.newHostConfig().withNetworkMode("none");
            if (memoryBytes > 0) { // swap included: the container reaches its limit instead of swapping
                limits.withMemory(memoryBytes).withMemorySwap(memoryBytes);
            }
            return runContainer(
                    c,
                    image,
                    platform,
                    argv,
                    environment,
                    workingDirectory,
                    timeout,
                    quitGrace,
                    limits,
                    stdout,
                    stderr);
        } catch (IOException | RuntimeException e) {
            // The engine refused something: the cell cannot run, which the runner reports without a stack trace.
            // While m1go stops, its own clean-up removed the container (the engine's 409 for its logs, say): that is
            // no engine failure to pass on.
            if (closing) {
                throw new dev.m1go.exec.StoppingException("m1go is stopping: the cell's container was removed", e);
            }
            throw e instanceof IOException io ? io : new IOException(rootMessage(e), e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Counts one operation in flight, or refuses it once the clean-up began. */
    private DockerClient begin() throws IOException {
        DockerClient c = client();
        inFlight.incrementAndGet();
        if (closing) {
            inFlight.decrementAndGet();
            throw new dev.m1go.exec.StoppingException("m1go is stopping: no new container work is started");
        }
        return c;
    }

    private ContainerRun runContainer(
            DockerClient c,
            String image,
            String platform,
            List<String> argv,
            Map<String, String> environment,
            String workingDirectory,
            Duration timeout,
            Duration quitGrace,
            HostConfig limits,
            OutputStream stdout,
            OutputStream stderr)
            throws IOException {
        long t0 = System.nanoTime();
        // Created through the engine API, not GenericContainer: the time limit, the signals and the log streaming are
        // m1go's, and a container without Testcontainers' session labels is m1go's alone to remove.
        List<String> env = environment.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
        String id;
        try {
            id = c.createContainerCmd(image)
                    .withCmd(argv)
                    .withEnv(env)
                    .withWorkingDir(workingDirectory)
                    .withLabels(labels("container"))
                    .withPlatform(platform)
                    .withHostConfig(limits)
                    .exec()
                    .getId();
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            return new ContainerRun(null, rootMessage(e), false, millisSince(t0));
        }
        liveContainers.add(id);
        if (closing) {
            removeContainer(c, id);
            throw new dev.m1go.exec.StoppingException("m1go is stopping: container " + id + " was removed again");
        }
        {
            String startError = null;
            try {
                c.startContainerCmd(id).exec();
            } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
                startError = rootMessage(e);
            }
            try {
                boolean timedOut = false;
                InspectContainerResponse.ContainerState state;
                if (startError != null) {
                    state = c.inspectContainerCmd(id).exec().getState();
                    if ("created".equals(state.getStatus()) || Boolean.TRUE.equals(state.getRunning())) {
                        state = null;
                    }
                } else {
                    state = waitForExit(c, id, System.nanoTime() + timeout.toNanos());
                    if (state == null) {
                        timedOut = true;
                        kill(c, id, "QUIT");
                        state = waitForExit(c, id, System.nanoTime() + quitGrace.toNanos());
                        if (state == null) {
                            kill(c, id, "KILL");
                            state = waitForExit(
                                    c,
                                    id,
                                    System.nanoTime() + Duration.ofSeconds(30).toNanos());
                        }
                    }
                }
                long millis = millisSince(t0);
                ContainerLogs.read(c, id, stdout, stderr);
                Long exit = state == null ? null : state.getExitCodeLong();
                String failure = startError != null
                        ? startError
                        : state == null
                                        || state.getError() == null
                                        || state.getError().isBlank()
                                ? null
                                : state.getError();
                return new ContainerRun(
                        exit, failure, timedOut, millis, state != null && Boolean.TRUE.equals(state.getOOMKilled()));
            } finally {
                removeContainer(c, id);
            }
        }
    }

    private static InspectContainerResponse.ContainerState waitForExit(DockerClient c, String id, long deadline)
            throws IOException {
        while (true) {
            InspectContainerResponse.ContainerState s =
                    c.inspectContainerCmd(id).exec().getState();
            if (!Boolean.TRUE.equals(s.getRunning()) && !"created".equals(s.getStatus())) {
                return s;
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while container " + id + " ran", e);
            }
        }
    }

    private static void kill(DockerClient c, String id, String signal) {
        try {
            c.killContainerCmd(id).withSignal(signal).exec();
        } catch (DockerException e) {
            // it exited in between: nothing to kill
        }
    }

    private void removeContainer(DockerClient c, String id) {
        try {
            c.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            return;
        }
        liveContainers.remove(id);
    }

    @Override
    public void removeImage(String tag) {
        DockerClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.removeImageCmd(tag).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            return;
        }
        liveImages.remove(tag);
    }

    /**
     * Stops new container work first, removes the containers (which ends the cells waiting on them), waits a little
     * for operations in flight to see that, then removes the rest, images last.
     */
    @Override
    public void removeAll() {
        closing = true;
        DockerClient c = client;
        if (c == null) {
            return;
        }
        List.copyOf(liveContainers).forEach(id -> removeContainer(c, id));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List.copyOf(liveContainers).forEach(id -> removeContainer(c, id));
        List.copyOf(liveImages).forEach(this::removeImage);
    }

    private static Map<String, String> labels(String kind) {
        return Leftovers.labels(LABEL, kind);
    }

    private void sweep(DockerClient c) {
        Leftovers.sweep(c, LABEL, this::removeContainer);
    }

    private DockerClient client() throws IOException {
        DockerClient c = client;
        if (c == null) {
            throw new IOException("the container runner ran before it connected to its engine");
        }
        return c;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        while (t != null) {
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(sb.length() == 0 ? "" : ": ").append(t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
