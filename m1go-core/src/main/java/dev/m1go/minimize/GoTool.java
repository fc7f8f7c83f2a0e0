package dev.m1go.minimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.Mappers;
import dev.m1go.core.Sha256;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Host;
import dev.m1go.settings.BuildEnvironment;
import dev.m1go.toolchain.GoPaths;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's own parser for the reduction: the small program {@code reducer.go} (a resource next to this class), built on
 * the fly for this machine by a toolchain of the run and kept in the cache directory under the digest of its source
 * and the toolchain, lists the removable pieces of a Go file ({@code units}) and puts a cut file back into shape
 * ({@code fix}: unused imports dropped, gofmt). m1go never parses Go itself.
 */
final class GoTool {

    /** The pieces of one Go file, byte ranges into its content. */
    record GoUnits(
            String pkg,
            List<CSource.Span> decls,
            List<CSource.Span> stmts,
            CSource.Span preamble,
            CSource.Span clause,
            List<CSource.Span> comments,
            List<Unwrap> unwraps) {}

    /** A statement {@code [start, end)} whose block's inside {@code [innerStart, innerEnd)} may take its place. */
    record Unwrap(int start, int end, int innerStart, int innerEnd, String kind) {}

    private static final String SOURCE = "reducer.go";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final ProcessRunner processes;
    private final Path binary;
    private final Path logs;
    private final Map<String, String> env;
    private final ObjectMapper json = Mappers.json();

    private GoTool(ProcessRunner processes, Path binary, Path logs, Map<String, String> env) {
        this.processes = processes;
        this.binary = binary;
        this.logs = logs;
        this.env = env;
    }

    /**
     * The reducer built by {@code toolchain} (started through {@code launch}) for this host, from the cache when the
     * same source was built by the same toolchain before.
     *
     * @throws IOException naming the build's log when the toolchain could not build it
     */
    static GoTool build(
            ProcessRunner processes,
            Host host,
            Toolchain toolchain,
            Launch launch,
            Path cacheDirectory,
            Map<String, String> environment,
            Path home,
            Path logs)
            throws IOException {
        byte[] source;
        try (InputStream in = GoTool.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException("m1go's reducer source " + SOURCE + " is not on the class path");
            }
            source = in.readAllBytes();
        }
        Path dir = cacheDirectory
                .resolve("minimize")
                .resolve("reducer-" + Sha256.hex(source).substring(0, 16) + "-" + toolchain.key());
        Path binary = dir.resolve("reducer");
        Map<String, String> base = BuildEnvironment.base(environment, false);
        Files.createDirectories(logs);
        if (!Files.isExecutable(binary)) {
            Path src = dir.resolve("src");
            Files.createDirectories(src);
            Files.write(src.resolve("main.go"), source);
            Files.writeString(src.resolve("go.mod"), "module m1go.dev/reducer\n\ngo 1.19\n");
            Map<String, String> goEnv = new TreeMap<>(base);
            goEnv.putAll(Map.of(
                    "GOTOOLCHAIN",
                    "local",
                    "GOROOT",
                    toolchain.goroot().toString(),
                    "GOOS",
                    host.os().goos(),
                    "GOARCH",
                    host.arch().goarch(),
                    "CGO_ENABLED",
                    "0",
                    "GOFLAGS",
                    "",
                    "GOPATH",
                    dir.resolve("gopath").toString(),
                    "GOMODCACHE",
                    GoPaths.modCache(environment, home).toString(),
                    "GOCACHE",
                    cacheDirectory.resolve("go-build").resolve(toolchain.key()).toString()));
            Path partial = dir.resolve("reducer.partial");
            List<String> argv =
                    launch.wrap(List.of(toolchain.goBinary().toString(), "build", "-o", partial.toString(), "."));
            ProcessResult r = processes.run(new ProcessSpec(
                    argv,
                    launch.environmentWith(goEnv),
                    src,
                    Duration.ofMinutes(10),
                    Duration.ofSeconds(3),
                    logs.resolve("reducer-build.stdout"),
                    logs.resolve("reducer-build.stderr")));
            if (!r.succeeded()) {
                throw new IOException("m1go could not build its Go reducer with " + toolchain.version() + " ("
                        + logs.resolve("reducer-build.stderr") + "): " + firstLine(r.combinedOutput()));
            }
            Files.move(partial, binary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new GoTool(processes, binary, logs, base);
    }

    /** The declarations, statements and cgo preamble of each file, in the order given. */
    List<GoUnits> units(List<Path> files) throws IOException {
        ProcessResult r = run("units", files);
        if (!r.succeeded()) {
            throw new IOException("m1go's Go reducer could not read " + files + ": " + firstLine(r.stderr()));
        }
        List<GoUnits> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            JsonNode p = n.get("preamble");
            out.add(new GoUnits(
                    n.get("package").asText(),
                    spans(n.get("decls")),
                    spans(n.get("stmts")),
                    p == null || p.isNull() ? null : span(p),
                    span(n.get("clause")),
                    spans(n.get("comments")),
                    unwraps(n.get("unwraps"))));
        }
        return out;
    }

    /** Drops unused imports and formats each file in place; false when one of them does not parse. */
    boolean fix(List<Path> files) throws IOException {
        return files.isEmpty() || run("fix", files).succeeded();
    }

    private ProcessResult run(String command, List<Path> files) throws IOException {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), command));
        files.forEach(f -> argv.add(f.toString()));
        return processes.run(new ProcessSpec(
                argv,
                env,
                files.get(0).getParent(),
                LIMIT,
                Duration.ofSeconds(1),
                logs.resolve("reducer-" + command + ".stdout"),
                logs.resolve("reducer-" + command + ".stderr")));
    }

    private static List<CSource.Span> spans(JsonNode array) {
        List<CSource.Span> out = new ArrayList<>();
        array.forEach(n -> out.add(span(n)));
        return out;
    }

    private static List<Unwrap> unwraps(JsonNode array) {
        List<Unwrap> out = new ArrayList<>();
        array.forEach(n -> out.add(new Unwrap(
                n.get("start").asInt(),
                n.get("end").asInt(),
                n.get("innerStart").asInt(),
                n.get("innerEnd").asInt(),
                n.get("kind").asText())));
        return out;
    }

    private static CSource.Span span(JsonNode n) {
        String kind = n.get("kind").asText()
                + (n.hasNonNull("name") ? " " + n.get("name").asText() : "");
        return new CSource.Span(n.get("start").asInt(), n.get("end").asInt(), kind);
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
