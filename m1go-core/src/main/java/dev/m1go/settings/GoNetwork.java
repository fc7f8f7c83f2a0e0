package dev.m1go.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the go command reaches modules, from the front end's own network settings: offline means {@code GOPROXY=off}
 * (the module cache only; {@code GOFLAGS} stays as it is), and an active proxy becomes {@code HTTPS_PROXY},
 * {@code HTTP_PROXY} and {@code NO_PROXY} unless the environment already sets them.
 */
public final class GoNetwork {

    /** A proxy as Maven's settings.xml states it; {@code nonProxyHosts} is Maven's {@code |}-separated list. */
    public record Proxy(
            String protocol, String host, int port, String username, String password, String nonProxyHosts) {
        public Proxy {
            Objects.requireNonNull(host, "host");
        }

        /** {@code http://user:password@host:port}, the form the go command reads. */
        public String url() {
            String auth = username == null || username.isBlank()
                    ? ""
                    : encode(username) + (password == null ? "" : ":" + encode(password)) + "@";
            return (protocol == null || protocol.isBlank() ? "http" : protocol) + "://" + auth + host + ":" + port;
        }

        /** Maven's {@code localhost|*.internal.example} as Go's {@code localhost,.internal.example}. */
        public String noProxy() {
            if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
                return null;
            }
            List<String> hosts = new ArrayList<>();
            for (String h : nonProxyHosts.split("[|,]")) {
                String t = h.trim();
                if (!t.isEmpty()) {
                    hosts.add(t.startsWith("*.") ? t.substring(1) : t);
                }
            }
            return String.join(",", hosts);
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The environment with the variables set, and one sentence per change for the log. */
    public record Applied(Map<String, String> environment, List<String> notes) {
        public Applied {
            environment = Map.copyOf(environment);
            notes = List.copyOf(notes);
        }
    }

    private GoNetwork() {}

    /**
     * @param proxy the first active proxy, or {@code null}
     */
    public static Applied apply(Map<String, String> environment, boolean offline, Proxy proxy) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        List<String> notes = new ArrayList<>();
        if (offline) {
            env.put("GOPROXY", "off");
            notes.add("Maven runs offline, so the go command gets GOPROXY=off: a case that needs a module missing "
                    + "from the module cache fails to build with \"module lookup disabled by GOPROXY=off\"; run once "
                    + "online to fill the cache (in module mode, go mod download in the module fills it too).");
        }
        if (proxy != null) {
            if (set(env, "HTTPS_PROXY") || set(env, "HTTP_PROXY")) {
                notes.add("Maven's proxy " + proxy.host() + ":" + proxy.port() + " is not passed to the go command: "
                        + "the environment already sets HTTPS_PROXY or HTTP_PROXY.");
            } else {
                env.put("HTTPS_PROXY", proxy.url());
                env.put("HTTP_PROXY", proxy.url());
                String no = proxy.noProxy();
                if (no != null && !set(env, "NO_PROXY")) {
                    env.put("NO_PROXY", no);
                }
                notes.add("The go command reaches modules through Maven's proxy " + proxy.host() + ":" + proxy.port()
                        + " (HTTPS_PROXY" + (no == null ? "" : ", NO_PROXY=" + no) + ").");
            }
        }
        return new Applied(env, notes);
    }

    private static boolean set(Map<String, String> env, String name) {
        String upper = env.get(name);
        String lower = env.get(name.toLowerCase(java.util.Locale.ROOT));
        return (upper != null && !upper.isBlank()) || (lower != null && !lower.isBlank());
    }
}
