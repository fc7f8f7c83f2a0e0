package dev.m1go.module;

import dev.m1go.cases.ModuleUnit;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C side of building a module for a target: which {@code pkg-config} directory it must search (on Debian-style
 * multiarch Linux, {@code /usr/lib/aarch64-linux-gnu/pkgconfig} for linux/arm64, the Linux twin of Homebrew's two
 * prefixes on a Mac) and the user's {@code m1go.targetEnv.<goos>-<goarch>.*}, and, when such a build fails for want of
 * a library, what to install.
 */
public final class TargetCEnvironment {

    private static final Pattern PC_MISSING =
            Pattern.compile("Package '?([A-Za-z0-9_.+-]+)'? was not found in the " + "pkg-config search path");
    private static final Pattern LIB_MISSING = Pattern.compile("cannot find -l([A-Za-z0-9_.+-]+)");
    private static final Pattern INCOMPATIBLE =
            Pattern.compile("skipping incompatible (\\S+?/lib([A-Za-z0-9_.+-]+?)" + "\\.(?:so|a)) when searching");

    private TargetCEnvironment() {}

    /**
     * The Debian package that holds {@code file} for the host's architecture, asked of {@code dpkg-query -S} (empty
     * where there is no dpkg or no such package).
     */
    public static Optional<String> debianPackageOf(
            String file,
            Arch hostArch,
            dev.m1go.exec.ProcessRunner processes,
            Map<String, String> env,
            java.nio.file.Path logs) {
        String dir = file.endsWith(".pc") ? pkgConfigDir(hostArch) : "/usr/lib/" + hostArch.gnuTriple();
        try {
            dev.m1go.exec.ProcessResult r = processes.run(new dev.m1go.exec.ProcessSpec(
                    java.util.List.of("dpkg-query", "-S", dir + "/" + file),
                    env,
                    logs,
                    java.time.Duration.ofSeconds(20),
                    java.time.Duration.ofSeconds(1),
                    logs.resolve("dpkg-query.stdout"),
                    logs.resolve("dpkg-query.stderr")));
            if (!r.succeeded()) {
                return Optional.empty();
            }
            String first = r.stdout().strip().split("\n")[0];
            int colon = first.indexOf(':');
            return colon > 0 ? Optional.of(first.substring(0, colon)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** {@code linux-arm64}: the key of {@code m1go.targetEnv}. */
    public static String key(Os os, Arch arch) {
        return os.goos() + "-" + arch.goarch();
    }

    /** The multiarch pkg-config directory of a Linux target, e.g. {@code /usr/lib/aarch64-linux-gnu/pkgconfig}. */
    public static String pkgConfigDir(Arch arch) {
        return "/usr/lib/" + arch.gnuTriple() + "/pkgconfig";
    }

    /**
     * The build environment m1go adds for {@code unit} on this target: {@code PKG_CONFIG_LIBDIR} for a Linux target of
     * another architecture than the host's (pkg-config would otherwise hand the host's libraries to the target's
     * linker), then the user's {@code m1go.targetEnv} for that target, which wins.
     */
    public static Map<String, String> of(ModuleUnit unit, Os hostOs, Arch hostArch, Os os, Arch arch) {
        Map<String, String> env = new TreeMap<>();
        if (os == Os.LINUX && hostOs == Os.LINUX && arch != hostArch) {
            env.put("PKG_CONFIG_LIBDIR", pkgConfigDir(arch) + ":/usr/share/pkgconfig");
        }
        env.putAll(unit.targetEnv().getOrDefault(key(os, arch), Map.of()));
        return env;
    }

    /**
     * For a failed build whose output says a C library or its pkg-config file is missing: which directory
     * pkg-config searched and which package to install, e.g. {@code apt-get install libfoo-dev:arm64}; empty when the
     * output names no missing library.
     *
     * @param env      the environment the build had (its {@code PKG_CONFIG_LIBDIR}, if any, is named)
     * @param packageOf the host's package that holds a file name ({@code zlib.pc}, {@code libz.so}), when the host
     *                 can tell ({@code dpkg-query -S}); the multiarch package to install has the same name
     */
    public static Optional<String> advice(
            String buildOutput,
            Map<String, String> env,
            Os os,
            Arch arch,
            java.util.function.Function<String, Optional<String>> packageOf) {
        String lib = null;
        String pc = null;
        Matcher m = PC_MISSING.matcher(buildOutput);
        if (m.find()) {
            pc = m.group(1);
        }
        Matcher l = LIB_MISSING.matcher(buildOutput);
        if (l.find()) {
            lib = l.group(1);
        }
        Matcher inc = INCOMPATIBLE.matcher(buildOutput);
        String foreign = inc.find() ? inc.group(1) : null;
        if (lib == null && foreign != null) {
            lib = inc.group(2);
        }
        if (pc == null && lib == null) {
            return Optional.empty();
        }
        String name = pc != null ? pc : lib;
        String file = pc != null ? pc + ".pc" : "lib" + lib + ".so";
        Optional<String> owner = packageOf.apply(file);
        String devPackage = owner.orElse((name.startsWith("lib") ? name : "lib" + name) + "-dev");
        String where = env.containsKey("PKG_CONFIG_LIBDIR")
                ? "pkg-config searched PKG_CONFIG_LIBDIR=" + env.get("PKG_CONFIG_LIBDIR")
                : "pkg-config searched its default directories (the host's)";
        StringBuilder sb = new StringBuilder(where)
                .append(" for ")
                .append(os.goos())
                .append('/')
                .append(arch.goarch())
                .append(" and ")
                .append(pc != null ? "found no " + pc + ".pc" : "the linker found no lib" + lib);
        if (foreign != null) {
            sb.append(" of this architecture (only ").append(foreign).append(", of another)");
        }
        sb.append(": install the ").append(arch.goarch()).append(" development files");
        if (os == Os.LINUX) {
            sb.append(" (Debian/Ubuntu: dpkg --add-architecture ")
                    .append(arch.goarch())
                    .append(" && apt-get update && apt-get install ")
                    .append(devPackage)
                    .append(':')
                    .append(arch.goarch())
                    .append(
                            owner.isPresent()
                                    ? ", the package that holds " + file + " for this host)"
                                    : "; the package name may differ: apt-file search " + file + " tells)");
        }
        sb.append(", or point this target elsewhere with m1go.targetEnv.")
                .append(key(os, arch))
                .append(".PKG_CONFIG_LIBDIR=… / CGO_LDFLAGS=…");
        return Optional.of(sb.toString());
    }
}
