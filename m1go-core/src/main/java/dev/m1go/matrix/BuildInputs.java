package dev.m1go.matrix;

import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.exec.Launch;
import dev.m1go.toolchain.CCompiler;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names every input of one build for its {@link BuildKey}: the case's files and the descriptor fields that shape the
 * build, the toolchain and how it is started, the target, the link mode, the C compilers and archivers, the build
 * environment and m1go's own recipe. A new input of the build is one more {@code put} line here (raise
 * {@link #RECIPE} instead when Builder changes what it runs).
 */
final class BuildInputs {

    /** The version of m1go's build recipe: raise it whenever {@link Builder} changes the commands it runs. */
    static final String RECIPE = "1";

    /** Variables of the build environment that locate things or reach the network but do not change a binary. */
    private static final Set<String> NOT_INPUTS = Set.of(
            "PATH",
            "HOME",
            "USER",
            "TMPDIR",
            "GOCACHE",
            "GOMODCACHE",
            "GOTMPDIR",
            "GOPROXY",
            "GOSUMDB",
            "GONOSUMDB",
            "GOPRIVATE",
            "GONOPROXY",
            "GOINSECURE",
            "GOAUTH",
            "GOENV",
            "GOTELEMETRY",
            "GOTELEMETRYDIR",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "NO_PROXY",
            "http_proxy",
            "https_proxy",
            "no_proxy",
            "SSL_CERT_FILE",
            "SSL_CERT_DIR");

    /** Other variables Go, cgo or the C tool chain read (besides every {@code GO*} and {@code CGO_*}). */
    private static final Set<String> TOOL_VARIABLES = Set.of(
            "CC",
            "CXX",
            "FC",
            "AR",
            "DEVELOPER_DIR",
            "SDKROOT",
            "MACOSX_DEPLOYMENT_TARGET",
            "LANG",
            "LC_ALL",
            "LC_CTYPE",
            "LC_MESSAGES");

    private final ToolIdentity tools;

    BuildInputs(ToolIdentity tools) {
        this.tools = tools;
    }

    /**
     * The key of building {@code c} with {@code t} for {@code target}.
     *
     * @param cc        the target's C compiler (cgo's {@code CC})
     * @param libraryCc the compiler of the case's static library, or {@code null} when it has none
     * @param goEnv     the whole environment {@code go build} gets
     * @param launch    how the toolchain's own {@code go} binary is started (natively or translated)
     * @param source    where the sources are built: Go writes this path into the binary (file names in tracebacks)
     */
    BuildKey key(
            ReproCase c,
            Toolchain t,
            Platform target,
            Variant variant,
            boolean staticLink,
            CCompiler cc,
            CCompiler libraryCc,
            Map<String, String> goEnv,
            Launch launch,
            Path source) {
        BuildKey.Inputs in = BuildKey.named()
                .put("recipe", RECIPE)
                .put("case", c.id())
                .put("case.library", c.library() == null ? "" : c.library().toString())
                .putAll("case.buildEnv.", c.buildEnv())
                .put("variant", variant.buildEnv().isEmpty() ? "" : variant.name())
                .putAll("variant.buildEnv.", variant.buildEnv())
                .put("toolchain", t.version() + " " + t.binaryArch().goarch() + " " + t.goroot())
                .put("toolchain.go", tools.content(t.goBinary()))
                .put("toolchain.launch", String.join(" ", launch.prefix()) + " " + launch.environment())
                .put("target", target.os().goos() + "/" + target.arch().goarch())
                .put("link", staticLink ? "static" : "dynamic")
                .put("cc", compiler(cc))
                .put("cc.library", libraryCc == null ? "" : compiler(libraryCc))
                .put("source", source.toString());
        c.files().forEach((name, bytes) -> {
            // case.yaml's build fields are inputs of their own (what it expects is not); Go never reads a .md file.
            if (!name.equals(CaseLoader.DESCRIPTOR) && !name.endsWith(".md")) {
                in.put("case.file." + name, dev.m1go.core.Sha256.hex(bytes));
            }
        });
        Map<String, String> env = new TreeMap<>();
        goEnv.forEach((k, v) -> {
            if (changesTheBuild(k)) {
                env.put(k, v);
            }
        });
        in.putAll("env.", env);
        return in.key();
    }

    /**
     * Whether a variable of the build environment can change what a build produces: every {@code GO*},
     * {@code CGO_*} and {@code PKG_CONFIG*} and the C tool chain's own variables, not the ones that only locate the
     * user, the caches or the network.
     */
    static boolean changesTheBuild(String name) {
        if (NOT_INPUTS.contains(name)) {
            return false;
        }
        return name.startsWith("GO")
                || name.startsWith("CGO_")
                || name.startsWith("PKG_CONFIG")
                || TOOL_VARIABLES.contains(name);
    }

    private String compiler(CCompiler c) {
        return tools.command(c.cc()) + " | " + c.version() + " | " + tools.command(c.ar());
    }
}
