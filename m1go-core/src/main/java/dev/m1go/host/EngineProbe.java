package dev.m1go.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.m1go.core.Mappers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to a Docker engine's HTTP API directly, over its unix socket or plain tcp, through docker-java's
 * zero-dependency HTTP client with a time limit on connecting and on every answer: whether it answers, what it is, and
 * whether it holds an image. This runs before Testcontainers is ever
 * touched, so that a missing engine costs seconds and a named engine is never silently replaced by another.
 */
public class EngineProbe {

    /** What the engine said about itself ({@code GET /version}). */
    public record EngineInfo(String version, String apiVersion, String os, String arch) {}

    /** An HTTP answer: status and body. */
    public record Answer(int status, String body) {}

    /** The engine cannot be reached or did not answer in time; the message says why. */
    public static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = Mappers.json();
    /** Daemon threads: an exchange abandoned at its deadline never keeps the JVM (Maven) alive. */
    private static final Executor EXCHANGES = r -> {
        Thread t = new Thread(r, "m1go-docker-probe");
        t.setDaemon(true);
        t.start();
    };

    private final DockerEndpoint endpoint;
    private final Duration timeout;

    public EngineProbe(DockerEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** {@code GET /_ping} then {@code GET /version}. */
    public EngineInfo probe() throws Unreachable {
        Answer ping = get("/_ping");
        if (ping.status() != 200 || !ping.body().trim().equals("OK")) {
            throw new Unreachable("GET /_ping answered HTTP " + ping.status() + " " + firstLine(ping.body()));
        }
        Answer v = get("/version");
        if (v.status() != 200) {
            throw new Unreachable("GET /version answered HTTP " + v.status() + " " + firstLine(v.body()));
        }
        try {
            JsonNode n = JSON.readTree(v.body());
            return new EngineInfo(
                    n.path("Version").asText(null),
                    n.path("ApiVersion").asText(null),
                    n.path("Os").asText(null),
                    n.path("Arch").asText(null));
        } catch (IOException e) {
            throw new Unreachable("GET /version did not answer JSON: " + e.getMessage());
        }
    }

    /** The {@code Os/Architecture} of a local image, or {@code null} when the engine does not have it. */
    public String imagePlatform(String image) throws Unreachable {
        Answer a = get("/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "/json");
        if (a.status() == 404) {
            return null;
        }
        if (a.status() != 200) {
            throw new Unreachable(
                    "GET /images/" + image + "/json answered HTTP " + a.status() + " " + firstLine(a.body()));
        }
        try {
            JsonNode n = JSON.readTree(a.body());
            return n.path("Os").asText("") + "/" + n.path("Architecture").asText("");
        } catch (IOException e) {
            throw new Unreachable("GET /images/" + image + "/json did not answer JSON: " + e.getMessage());
        }
    }

    /** {@code GET path} as JSON, for listings ({@code /containers/json?all=1}, {@code /images/json}). */
    public JsonNode json(String path) throws Unreachable {
        Answer a = get(path);
        if (a.status() != 200) {
            throw new Unreachable("GET " + path + " answered HTTP " + a.status() + " " + firstLine(a.body()));
        }
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new Unreachable("GET " + path + " did not answer JSON: " + e.getMessage());
        }
    }

    /** One {@code GET} with the time limit; any status is an answer, no answer is {@link Unreachable}. */
    public Answer get(String path) throws Unreachable {
        String scheme = endpoint.scheme();
        if (scheme.equals("ssh")) {
            throw new Unreachable(
                    "ssh:// engines are not spoken to directly: forward the socket "
                            + "(ssh -NL /tmp/docker.sock:/var/run/docker.sock user@host) and set DOCKER_HOST=unix:///tmp/docker.sock");
        }
        if (!scheme.equals("unix") && !scheme.equals("tcp") && !scheme.equals("npipe")) {
            throw new Unreachable("DOCKER_HOST scheme '" + scheme + "' is not one of unix://, tcp://, ssh://");
        }
        if (scheme.equals("npipe")) {
            throw new Unreachable("Windows named pipes are not supported by m1go");
        }
        if (scheme.equals("tcp") && endpoint.tls()) {
            // TLS needs the client certificates of DOCKER_CERT_PATH; whether the port answers is what matters here.
            connectOnly();
            return new Answer(200, "OK");
        }
        if (scheme.equals("unix") && !Files.exists(Path.of(endpoint.socketPath()))) {
            throw new Unreachable("no socket at " + endpoint.socketPath());
        }
        return exchange(path);
    }

    private void connectOnly() throws Unreachable {
        var u = endpoint.tcp();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), (int) timeout.toMillis());
        } catch (IOException e) {
            throw new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * One request through docker-java's zero-dependency HTTP client (the transport Testcontainers itself uses: unix
     * sockets, HTTP/1.1, chunked bodies), with its connection and response timeouts set to the time limit. The
     * response timeout does not reach a read on a unix socket, so the exchange also runs under a deadline that closes
     * the client, which ends the read.
     */
    private Answer exchange(String path) throws Unreachable {
        URI host = URI.create(
                endpoint.scheme().equals("unix")
                        ? "unix://" + endpoint.socketPath()
                        : "tcp://" + endpoint.tcp().getHost() + ":"
                                + endpoint.tcp().getPort());
        Request request = Request.builder()
                .method(Request.Method.GET)
                .path(path)
                .putHeader("User-Agent", "m1go")
                .build();
        DockerHttpClient client = new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .maxConnections(1)
                .build();
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(
                () -> {
                    try (DockerHttpClient.Response response = client.execute(request)) {
                        return new Answer(
                                response.getStatusCode(),
                                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                EXCHANGES);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unreachable("no answer to GET " + path + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                throw new Unreachable("no answer to GET " + path + " within " + timeout.toMillis() + " ms");
            }
            throw new Unreachable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                // Closing is how a stuck exchange is ended; nothing is left to report.
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
