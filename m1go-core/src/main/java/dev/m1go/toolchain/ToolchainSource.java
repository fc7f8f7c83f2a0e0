package dev.m1go.toolchain;

import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Host;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the Go toolchains of a run come from: {@link ToolchainFinder} on this machine, a fixed list in tests. A GOROOT
 * that is not a Go installation is an {@link IllegalArgumentException} naming it.
 */
@FunctionalInterface
public interface ToolchainSource {

    /**
     * @param launcher starts a toolchain of another architecture (under binfmt, qemu or Rosetta)
     * @param goRoots  GOROOTs the user named, besides the ones discovered
     * @param logDir   where the output of every {@code go version} / {@code go env} goes
     */
    List<Toolchain> find(
            Host host, Launcher launcher, Map<String, String> environment, Path home, List<Path> goRoots, Path logDir)
            throws IOException;

    /**
     * Like {@link #find}, leaving out early the installations {@code wanted} rejects by their VERSION file and binary
     * header (without running their {@code go} command); a source that cannot tell early finds them all.
     */
    default List<Toolchain> find(
            Host host,
            Launcher launcher,
            Map<String, String> environment,
            Path home,
            List<Path> goRoots,
            Path logDir,
            java.util.function.BiPredicate<GoVersion, dev.m1go.host.Arch> wanted)
            throws IOException {
        return find(host, launcher, environment, home, goRoots, logDir);
    }

    /** Discovery on this machine. */
    static ToolchainSource finder(ProcessRunner processes) {
        return new ToolchainSource() {
            @Override
            public List<Toolchain> find(
                    Host host,
                    Launcher launcher,
                    Map<String, String> environment,
                    Path home,
                    List<Path> goRoots,
                    Path logDir)
                    throws IOException {
                return new ToolchainFinder(processes, launcher, environment, home, host.arch(), logDir).find(goRoots);
            }

            @Override
            public List<Toolchain> find(
                    Host host,
                    Launcher launcher,
                    Map<String, String> environment,
                    Path home,
                    List<Path> goRoots,
                    Path logDir,
                    java.util.function.BiPredicate<GoVersion, dev.m1go.host.Arch> wanted)
                    throws IOException {
                return new ToolchainFinder(processes, launcher, environment, home, host.arch(), logDir)
                        .find(goRoots, wanted);
            }
        };
    }
}
