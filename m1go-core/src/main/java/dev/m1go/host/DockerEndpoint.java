package dev.m1go.host;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The Docker engine m1go talks to: {@code DOCKER_HOST} when it is set (honoured strictly: m1go never falls back to
 * another engine), else the local socket {@code unix:///var/run/docker.sock}; for the cells of one platform, the engine
 * {@code m1go.container.hosts.<goos>-<goarch>} names.
 *
 * @param uri    {@code unix:///var/run/docker.sock}, {@code tcp://host:2376}, {@code ssh://user@host}, …
 * @param source {@code DOCKER_HOST}, {@code default} or the setting that named it
 *               ({@code m1go.container.hosts.linux-arm64})
 * @param tls    {@code DOCKER_TLS_VERIFY} asks for TLS on a tcp endpoint
 */
public record DockerEndpoint(String uri, String source, boolean tls) {

    public static final String DEFAULT = "unix:///var/run/docker.sock";

    public DockerEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(source, "source");
    }

    public static DockerEndpoint from(Map<String, String> environment) {
        String host = environment.get("DOCKER_HOST");
        boolean tls = isTrue(environment.get("DOCKER_TLS_VERIFY"));
        if (host == null || host.isBlank()) {
            return new DockerEndpoint(DEFAULT, "default", tls);
        }
        return new DockerEndpoint(host.trim(), "DOCKER_HOST", tls);
    }

    public String scheme() {
        int i = uri.indexOf("://");
        return i < 0 ? "" : uri.substring(0, i);
    }

    /** The socket path of a {@code unix://} endpoint. */
    public String socketPath() {
        return uri.substring("unix://".length());
    }

    /** {@code host:port} of a {@code tcp://} endpoint. */
    public URI tcp() {
        return URI.create(uri);
    }

    /**
     * How reports name the engine: the scheme, host and port of a network endpoint without any user, password, path
     * or query ({@code tcp://arm64-box:2375}, {@code ssh://arm64-box}), the socket of a local one
     * ({@code unix:///var/run/docker.sock}). Never a credential.
     */
    public String label() {
        String u = uri.trim();
        if (scheme().equals("unix") || scheme().equals("npipe")) {
            return u;
        }
        try {
            URI parsed = new URI(u);
            if (parsed.getHost() == null) {
                return scheme().isEmpty() ? "(an endpoint without a scheme)" : scheme() + "://(no host)";
            }
            return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
        } catch (java.net.URISyntaxException e) {
            return scheme().isEmpty() ? "(an endpoint that is no URI)" : scheme() + "://(not a URI)";
        }
    }

    /** How the report and the skip reasons name it: {@code unix:///tmp/nope.sock (DOCKER_HOST)}; no credential. */
    public String describe() {
        return label() + " (" + (source.equals("default") ? "the default socket; DOCKER_HOST is not set" : source)
                + ")";
    }

    /** Whether both name the same engine ({@code unix:///a/../b.sock} is {@code unix:///b.sock}). */
    public boolean sameEngine(DockerEndpoint other) {
        return normalize(uri).equals(normalize(other.uri()));
    }

    private static String normalize(String uri) {
        String u = uri.trim();
        if (u.startsWith("unix://")) {
            return "unix://"
                    + java.nio.file.Path.of(u.substring("unix://".length())).normalize();
        }
        return u.replaceAll("/+$", "");
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
