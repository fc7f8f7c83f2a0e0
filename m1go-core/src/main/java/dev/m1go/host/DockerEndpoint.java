package dev.m1go.host;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The Docker engine m1go talks to: {@code DOCKER_HOST} when it is set (honoured strictly: m1go never falls back to
 * another engine), else the local socket {@code unix:///var/run/docker.sock}.
 *
 * @param uri    {@code unix:///var/run/docker.sock}, {@code tcp://host:2376}, {@code ssh://user@host}, …
 * @param source {@code DOCKER_HOST} or {@code default}
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

    /** How the report and the skip reasons name it: {@code unix:///tmp/nope.sock (DOCKER_HOST)}. */
    public String describe() {
        return uri + " (" + (source.equals("default") ? "the default socket; DOCKER_HOST is not set" : source) + ")";
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
