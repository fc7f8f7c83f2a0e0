package dev.m1go.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.host.Host;
import dev.m1go.host.Observation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the Docker engine whether it answers: {@code GET /_ping}, then {@code GET /version}, over the unix socket of
 * {@code DOCKER_HOST} (or the default sockets) or a plain {@code tcp://} address, each with a short time limit. It
 * never starts a container and never pulls an image. The platforms it can run are its own and, for the foreign
 * ones, what the kernel's binfmt_misc handlers with the {@code F} flag translate (containers need that flag).
 */
final class DockerProbe {

    private final Map<String, String> environment;
    private final Path home;
    private final Duration timeout;

    DockerProbe(Map<String, String> environment, Path home, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.timeout = timeout;
    }

    DockerSection probe(Host host) {
        List<Observation> evidence = new ArrayList<>();
        String dockerHost = environment.get("DOCKER_HOST");
        List<String> endpoints = new ArrayList<>();
        if (dockerHost != null && !dockerHost.isBlank()) {
            evidence.add(Observation.read("environment DOCKER_HOST", dockerHost));
            endpoints.add(dockerHost.trim());
        } else {
            evidence.add(Observation.read("environment DOCKER_HOST", "unset: trying the default sockets"));
            endpoints.add("unix:///var/run/docker.sock");
            endpoints.add("unix://" + home.resolve(".docker/run/docker.sock"));
        }
        List<String> statuses = new ArrayList<>();
        String lastStatus = "";
        for (String endpoint : endpoints) {
            if (!lastStatus.isEmpty()) {
                statuses.add(lastStatus);
            }
            SocketAddress address;
            try {
                address = address(endpoint);
            } catch (IllegalArgumentException e) {
                lastStatus = e.getMessage();
                evidence.add(Observation.read("DOCKER_HOST " + endpoint, lastStatus));
                continue;
            }
            if (address instanceof UnixDomainSocketAddress u && !Files.exists(u.getPath())) {
                lastStatus = "no socket at " + u.getPath();
                evidence.add(Observation.read("socket " + u.getPath(), "does not exist"));
                continue;
            }
            String ping;
            try {
                ping = get(address, "/_ping");
            } catch (IOException e) {
                lastStatus = "no engine answers at " + endpoint + ": " + e.getMessage();
                evidence.add(new Observation("GET " + endpoint + " /_ping", null, e.getMessage()));
                continue;
            }
            evidence.add(new Observation("GET " + endpoint + " /_ping", null, ping));
            if (!ping.startsWith("HTTP/1.") || !ping.contains(" 200 ")) {
                lastStatus = "the engine at " + endpoint + " answered /_ping with " + ping.lines().findFirst().orElse("");
                continue;
            }
            return reachable(host, endpoint, address, evidence);
        }
        statuses.add(lastStatus);
        return new DockerSection(String.join(", ", endpoints), false, String.join("; ", statuses), null, List.of(),
                evidence);
    }

    private DockerSection reachable(Host host, String endpoint, SocketAddress address, List<Observation> evidence) {
        String version = null;
        String os = "linux";
        String arch = null;
        try {
            String response = get(address, "/version");
            evidence.add(new Observation("GET " + endpoint + " /version", null, response));
            int body = response.indexOf("\n\n");
            JsonNode json = new ObjectMapper().readTree(body < 0 ? "{}" : response.substring(body + 2));
            version = json.path("Version").asText(null);
            os = json.path("Os").asText("linux");
            arch = json.path("Arch").asText(null);
        } catch (IOException e) {
            evidence.add(new Observation("GET " + endpoint + " /version", null, e.getMessage()));
        }
        List<String> platforms = new ArrayList<>();
        if (arch != null) {
            platforms.add(os + "/" + dev.m1go.host.Arch.parse(arch).map(dev.m1go.host.Arch::goarch).orElse(arch));
        }
        host.binfmt().stream()
                .filter(b -> b.enabled() && b.arch() != null && b.flags().contains("F")
                        && !platforms.contains("linux/" + b.arch().goarch()))
                .forEach(b -> platforms.add("linux/" + b.arch().goarch() + " (emulated by binfmt_misc " + b.name() + ")"));
        return new DockerSection(endpoint, true, "the engine answered /_ping" + (version == null ? ""
                : "; server version " + version), version, platforms, evidence);
    }

    /** {@code unix:///path} or {@code tcp://host:port}; anything else is not checked. */
    static SocketAddress address(String endpoint) {
        if (endpoint.startsWith("unix://")) {
            return UnixDomainSocketAddress.of(endpoint.substring("unix://".length()));
        }
        if (endpoint.startsWith("tcp://")) {
            URI uri = URI.create(endpoint);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("DOCKER_HOST " + endpoint + " names no host");
            }
            return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
        }
        throw new IllegalArgumentException("DOCKER_HOST " + endpoint + " is not unix:// or tcp://; the doctor checks "
                + "only those (ssh:// and TLS endpoints are not checked)");
    }

    /** One HTTP/1.0 GET (the engine closes the connection after the answer), bounded by the time limit. */
    private String get(SocketAddress address, String path) throws IOException {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "m1go-docker-probe");
            t.setDaemon(true);
            return t;
        });
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        try {
            Future<String> answer = pool.submit(() -> {
                channel.connect(address);
                channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(8192);
                while (channel.read(buf) >= 0 && out.size() < 1 << 20) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
            });
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            channel.close();
            pool.shutdownNow();
        }
    }
}
