package dev.m1go.settings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment builds and runs start from. Clean by default: only what locates the user (PATH, HOME, TMPDIR,
 * locale) and how to reach modules (GOPROXY and proxies) passes; ambient {@code CGO_*}, {@code GOFLAGS},
 * {@code GOARCH}, {@code CC}, … are recorded in the report by the host probe and left out, unless the user asks
 * for {@code m1go.inheritEnvironment}.
 */
public final class BuildEnvironment {

    static final List<String> PASSED_ON = List.of(
            "PATH",
            "HOME",
            "TMPDIR",
            "USER",
            "LANG",
            "LC_ALL",
            "LC_CTYPE",
            "GOPROXY",
            "GOSUMDB",
            "GONOSUMDB",
            "GOPRIVATE",
            "GONOPROXY",
            "GOINSECURE",
            "GOAUTH",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "NO_PROXY",
            "http_proxy",
            "https_proxy",
            "no_proxy",
            "SSL_CERT_FILE",
            "SSL_CERT_DIR",
            "DEVELOPER_DIR",
            "SDKROOT");

    private BuildEnvironment() {}

    public static Map<String, String> base(Map<String, String> environment, boolean inherit) {
        if (inherit) {
            return new TreeMap<>(environment);
        }
        Map<String, String> env = new TreeMap<>();
        for (String k : PASSED_ON) {
            String v = environment.get(k);
            if (v != null) {
                env.put(k, v);
            }
        }
        return env;
    }
}
