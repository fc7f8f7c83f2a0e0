package dev.m1go.runner.container;

import dev.m1go.host.Arch;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.settings.PropertyNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code m1go.container.hosts.<goos>-<goarch>}: the Docker engine that runs the container cells of one platform
 * ({@code linux-arm64=tcp://arm64-box:2375}, an arm64 machine that runs them natively), instead of the engine of
 * {@code DOCKER_HOST} or the default socket. Checked before anything runs; an engine that is named but does not answer
 * skips the cells of its platform, never moves them to another engine.
 *
 * <p>Accepted: {@code unix:///path} (a local socket, also the local end of {@code ssh -L} forwarding) and
 * {@code tcp://host:port} (plain, for a trusted network; an engine that needs TLS is reached through its socket
 * forwarded over ssh, or as {@code DOCKER_HOST} with {@code DOCKER_TLS_VERIFY}). {@code ssh://} is refused with the
 * forwarding command: neither m1go nor its Docker client speaks ssh.
 */
public final class ContainerHosts {

    /** The platforms the container runner runs, as the keys name them. */
    static final Map<String, Arch> PLATFORMS = Map.of("linux-amd64", Arch.AMD64, "linux-arm64", Arch.ARM64);

    private ContainerHosts() {}

    /**
     * The engine of each platform named, as given ({@code linux-arm64} → {@code tcp://arm64-box:2375}).
     *
     * @throws IllegalArgumentException naming the setting, when a key is no platform of the container runner or a
     *                                  value is no endpoint m1go can use
     */
    public static Map<Arch, DockerEndpoint> parse(Map<String, String> given) {
        Map<Arch, DockerEndpoint> hosts = new EnumMap<>(Arch.class);
        if (given == null) {
            return hosts;
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(given).entrySet()) {
            String key = e.getKey().trim();
            String setting = PropertyNames.CONTAINER_HOSTS_PREFIX + key;
            Arch arch = PLATFORMS.get(key);
            if (arch == null) {
                throw new IllegalArgumentException(setting + " names no platform of the container runner: the keys are "
                        + "linux-amd64 and linux-arm64"
                        + PropertyNames.didYouMean(
                                key, PLATFORMS.keySet().stream().sorted().toList()) + " (for example "
                        + PropertyNames.CONTAINER_HOSTS_PREFIX
                        + "linux-arm64=tcp://arm64-box:2375)");
            }
            hosts.put(arch, endpoint(setting, e.getValue()));
        }
        return hosts;
    }

    private static DockerEndpoint endpoint(String setting, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(
                    setting + " is empty: give the engine as unix:///path/to/docker.sock " + "or tcp://host:port");
        }
        DockerEndpoint given = new DockerEndpoint(v, setting, false);
        String scheme = given.scheme();
        switch (scheme) {
            case "unix" -> {
                if (!given.socketPath().startsWith("/")) {
                    throw new IllegalArgumentException(setting + "=" + given.label()
                            + ": a unix socket is named by its " + "absolute path, unix:///path/to/docker.sock");
                }
            }
            case "tcp" -> checkTcp(setting, given);
            case "ssh" ->
                throw new IllegalArgumentException(setting + "=" + given.label() + ": m1go does not speak "
                        + "ssh:// itself (nor does its Docker client); forward the engine's socket and name the local end: "
                        + "ssh -fNL /tmp/m1go-docker.sock:/var/run/docker.sock " + destination(v) + ", then "
                        + setting + "=unix:///tmp/m1go-docker.sock");
            default ->
                throw new IllegalArgumentException(setting + " '" + given.label() + "' is not a Docker "
                        + "endpoint m1go can use: write unix:///path/to/docker.sock or tcp://host:port");
        }
        return given;
    }

    private static void checkTcp(String setting, DockerEndpoint given) {
        URI u;
        try {
            u = new URI(given.uri());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a URI: write tcp://host:port");
        }
        if (u.getUserInfo() != null) {
            throw new IllegalArgumentException(setting + "=" + given.label() + ": a Docker engine takes no user or "
                    + "password in its tcp:// address; write tcp://host:port");
        }
        if (u.getHost() == null || u.getPort() <= 0) {
            throw new IllegalArgumentException(
                    setting + "=" + given.label() + ": write the engine's host and port, " + "tcp://host:2375");
        }
        if ((u.getRawPath() != null
                        && !u.getRawPath().isEmpty()
                        && !u.getRawPath().equals("/"))
                || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            throw new IllegalArgumentException(setting + "=" + given.label() + ": write only the engine's host and "
                    + "port, tcp://host:port, without a path or query");
        }
    }

    /** {@code [user@]host} and {@code -p port} of an ssh:// address for the forwarding command; never a password. */
    private static String destination(String sshUri) {
        try {
            URI u = new URI(sshUri);
            if (u.getHost() == null) {
                return "user@host";
            }
            String user = u.getUserInfo() == null ? "" : u.getUserInfo().split(":", 2)[0] + "@";
            return (u.getPort() > 0 ? "-p " + u.getPort() + " " : "") + user + u.getHost();
        } catch (URISyntaxException e) {
            return "user@host";
        }
    }

    /** The platforms in the order reports name them. */
    static List<Arch> platforms() {
        return List.of(Arch.AMD64, Arch.ARM64);
    }
}
