package dev.m1go.reproduce;

import dev.m1go.core.OutputLayout;
import dev.m1go.core.Plural;
import dev.m1go.core.UserError;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.Toolchain;
import dev.m1go.toolchain.ToolchainSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which toolchains a run takes: those {@code m1go.goVersions} names, or the default matrix's, found by the run's
 * toolchain discovery; an empty choice is a {@link UserError} that lists what was found.
 */
final class ToolchainChoice {

    private final ToolchainSource toolchainSource;

    ToolchainChoice(ToolchainSource toolchainSource) {
        this.toolchainSource = toolchainSource;
    }

    List<Toolchain> toolchains(ReproduceSettings s, Host host, Runners runners, Path out, List<String> leftOut)
            throws UserError, IOException {
        dev.m1go.toolchain.ToolchainFilter range = null;
        boolean byDefault = s.goVersions() == null || s.goVersions().isBlank();
        if (!byDefault && !s.goVersions().trim().equals(Reproduce.ALL_TOOLCHAINS)) {
            try {
                range = dev.m1go.toolchain.ToolchainFilter.parse(s.goVersions());
            } catch (IllegalArgumentException e) {
                throw new UserError("m1go.goVersions: " + e.getMessage() + " (examples: 1.21,1.22 or >=1.21 or "
                        + "@amd64,1.19@arm64)");
            }
        }
        List<Path> roots = new ArrayList<>();
        for (String r : s.goRoots()) {
            roots.add(Path.of(r.startsWith("~/") ? s.home() + r.substring(1) : r));
        }
        dev.m1go.toolchain.ToolchainFilter filter = range;
        List<Toolchain> all;
        try {
            // what the filter leaves out by VERSION file and binary header is not even run to identify it
            all = toolchainSource.find(
                    host,
                    runners,
                    s.environment(),
                    s.home(),
                    roots,
                    new OutputLayout(out).hostLogs(),
                    (version, arch) -> filter == null || filter.test(version, arch));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<Toolchain> chosen =
                filter == null ? all : all.stream().filter(filter::test).toList();
        if (byDefault) {
            chosen = defaultSelection(all, host.arch());
            List<Toolchain> selected = chosen;
            List<String> left = all.stream()
                    .filter(t -> !selected.contains(t))
                    .map(t -> t.label(host.arch()))
                    .toList();
            if (!left.isEmpty()) {
                leftOut.add("The default matrix takes the toolchains of "
                        + host.arch().goarch() + " (this host) and "
                        + "the newest of each other architecture; "
                        + Plural.of(left.size(), "more translated toolchain")
                        + " installed here (" + String.join(", ", left) + ") join with m1go.goVersions="
                        + Reproduce.ALL_TOOLCHAINS + ".");
            }
        }
        if (chosen.isEmpty() && s.failIfNoToolchains() && filter != null) {
            // Only now, to say what there is: every toolchain, including those the filter left unidentified.
            all = toolchainSource.find(
                    host,
                    runners,
                    s.environment(),
                    s.home(),
                    roots,
                    new OutputLayout(out).hostLogs(),
                    (version, arch) -> true);
        }
        if (chosen.isEmpty() && s.failIfNoToolchains()) {
            String found = all.isEmpty()
                    ? "no Go toolchain was found"
                    : "no toolchain matches m1go.goVersions="
                            + s.goVersions() + " (found: "
                            + String.join(
                                    ", ",
                                    all.stream().map(t -> t.label(host.arch())).toList())
                            + ")";
            throw new UserError(
                    found + ". m1go looks at go on PATH, GOROOT, /usr/local/go, /usr/lib/go-*, ~/sdk/go*, "
                            + "$GOMODCACHE/golang.org/toolchain@*, /opt/go-<arch>/usr/lib/go-* and /opt/go-<arch>/go1.* "
                            + "(toolchains of another architecture) and Homebrew's Cellar; name other installations with "
                            + "m1go.goRoots=/path/to/goroot,… or install Go (https://go.dev/doc/install; on Debian: "
                            + "apt-get install golang-go). Set m1go.failIfNoToolchains=false to write an empty report instead.");
        }
        return chosen;
    }

    /**
     * The toolchains of the default matrix, for the question most users bring (does my cgo program behave under
     * translation, across my Go versions): every toolchain whose own {@code go} is of the host's architecture, and
     * the newest usable one of each other architecture (whose every build runs translated: minutes each on a cold
     * cache). {@code m1go.goVersions=all} takes them all.
     */
    static List<Toolchain> defaultSelection(List<Toolchain> all, Arch hostArch) {
        return all.stream().filter(t -> chosenContains(t, all, hostArch)).toList();
    }

    private static boolean chosenContains(Toolchain t, List<Toolchain> all, Arch hostArch) {
        if (t.binaryArch() == hostArch) {
            return true;
        }
        return all.stream()
                .filter(o -> o.binaryArch() == t.binaryArch())
                .filter(Toolchain::usable)
                .max(java.util.Comparator.comparing(Toolchain::goVersion))
                .map(newest -> newest == t)
                .orElse(false);
    }
}
