package dev.m1go.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to a Docker engine's HTTP API directly, over its unix socket or plain tcp, with a hard time limit on every
 * exchange: whether it answers, what it is, and whether it holds an image. This runs before Testcontainers is ever
 * touched, so that a missing engine costs seconds and a named engine is never silently replaced by another.
 */
public class EngineProbe {

    /** What the engine said about itself ({@code GET /version}). */
    public record EngineInfo(String version, String apiVersion, String os, String arch) {
    }

    /** An HTTP answer: status and body. */
    public record Answer(int status, String body) {
    }

    /** The engine cannot be reached or did not answer in time; the message says why. */
    public static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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
            return new EngineInfo(n.path("Version").asText(null), n.path("ApiVersion").asText(null),
                    n.path("Os").asText(null), n.path("Arch").asText(null));
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
            throw new Unreachable("GET /images/" + image + "/json answered HTTP " + a.status() + " " + firstLine(a.body()));
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
            throw new Unreachable("ssh:// engines are not spoken to directly: forward the socket "
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
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "m1go-docker-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Answer> f = ex.submit(() -> exchange(path));
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unreachable("no answer to GET " + path + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new Unreachable(c.getClass().getSimpleName() + ": " + c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        } finally {
            ex.shutdownNow();
        }
    }

    private void connectOnly() throws Unreachable {
        var u = endpoint.tcp();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), (int) timeout.toMillis());
        } catch (IOException e) {
            throw new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Answer exchange(String path) throws IOException {
        String request = "GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: m1go\r\n\r\n";
        byte[] raw;
        if (endpoint.scheme().equals("unix")) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(endpoint.socketPath()));
                ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                raw = readAll(Channels.newInputStream(ch));
            }
        } else {
            var u = endpoint.tcp();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), (int) timeout.toMillis());
                s.setSoTimeout((int) timeout.toMillis());
                OutputStream out = s.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                raw = readAll(s.getInputStream());
            }
        }
        return parse(new String(raw, StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    static Answer parse(String response) throws IOException {
        int end = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/") || end < 0) {
            throw new IOException("not an HTTP answer: " + firstLine(response));
        }
        String head = response.substring(0, end);
        String[] status = head.split("\r\n", 2)[0].split(" ");
        int code = Integer.parseInt(status[1]);
        String body = response.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(code, body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim().split(";")[0], 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
