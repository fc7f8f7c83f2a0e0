package dev.m1go.toolchain;

import dev.m1go.settings.PropertyNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Go toolchains a front end declares, as Maven's {@code toolchains.xml} does: type {@code go}, {@code provides}
 * ({@code version}, {@code arch}, anything else) and a GOROOT. {@code m1go.goToolchains} selects among them by
 * requirement, like maven-toolchains-plugin: {@code version=>=1.22,arch=arm64} ({@code version} is a Go version
 * range as in {@code m1go.goVersions}, every other key must equal what the toolchain provides). The GOROOTs selected
 * join the toolchains m1go finds by itself.
 */
public final class DeclaredToolchains {

    /** One declared toolchain; {@code where} says where it was declared ({@code ~/.m2/toolchains.xml}). */
    public record Declared(Map<String, String> provides, Path goroot, String where) {
        public Declared {
            provides = Map.copyOf(provides);
        }

        @Override
        public String toString() {
            return provides + " " + goroot;
        }
    }

    private DeclaredToolchains() {}

    /**
     * The GOROOTs to add: every declared toolchain when {@code requirement} is blank, else those that meet it.
     *
     * @throws IllegalArgumentException naming the property or the declaration to change
     */
    public static List<Path> select(List<Declared> declared, String requirement) {
        return selected(declared, requirement).stream().map(Declared::goroot).toList();
    }

    /**
     * The declared toolchains to add, as {@link #select} chooses them.
     *
     * @throws IllegalArgumentException naming the property or the declaration to change
     */
    public static List<Declared> selected(List<Declared> declared, String requirement) {
        Map<String, String> wanted = parse(requirement);
        List<Declared> roots = new ArrayList<>();
        for (Declared d : declared) {
            if (matches(d, wanted)) {
                if (d.goroot() == null || !Files.isRegularFile(d.goroot().resolve("bin/go"))) {
                    throw new IllegalArgumentException("The go toolchain " + d.provides() + " in " + d.where()
                            + " names GOROOT " + d.goroot() + ", which has no bin/go: fix its <configuration><goRoot>");
                }
                roots.add(d);
            }
        }
        if (!wanted.isEmpty() && roots.isEmpty()) {
            throw new IllegalArgumentException(PropertyNames.GO_TOOLCHAINS + "=" + requirement.trim()
                    + " matches no go toolchain of toolchains.xml ("
                    + (declared.isEmpty() ? "it declares none" : "declared: " + declared) + ")");
        }
        return roots;
    }

    /**
     * {@code source}, with every toolchain it finds at a GOROOT of {@code declared} labelled by where that toolchain
     * was declared ({@code toolchains.xml}) rather than as one the user named in {@code m1go.goRoots}.
     */
    public static ToolchainSource labelled(ToolchainSource source, List<Declared> declared) {
        Map<Path, String> where = new LinkedHashMap<>();
        for (Declared d : declared) {
            if (d.goroot() != null) {
                where.putIfAbsent(real(d.goroot()), d.where());
            }
        }
        if (where.isEmpty()) {
            return source;
        }
        java.util.function.UnaryOperator<List<Toolchain>> relabel = found -> found.stream()
                .map(t -> {
                    String w = where.get(real(t.goroot()));
                    return w == null
                            ? t
                            : new Toolchain(t.version(), t.goroot(), t.binaryArch(), w, t.goEnv(), t.unusable());
                })
                .toList();
        return new ToolchainSource() {
            @Override
            public List<Toolchain> find(
                    dev.m1go.host.Host host,
                    Launcher launcher,
                    Map<String, String> environment,
                    Path home,
                    List<Path> goRoots,
                    Path logDir)
                    throws java.io.IOException {
                return relabel.apply(source.find(host, launcher, environment, home, goRoots, logDir));
            }

            @Override
            public List<Toolchain> find(
                    dev.m1go.host.Host host,
                    Launcher launcher,
                    Map<String, String> environment,
                    Path home,
                    List<Path> goRoots,
                    Path logDir,
                    java.util.function.BiPredicate<GoVersion, dev.m1go.host.Arch> wanted)
                    throws java.io.IOException {
                return relabel.apply(source.find(host, launcher, environment, home, goRoots, logDir, wanted));
            }
        };
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static Map<String, String> parse(String requirement) {
        Map<String, String> wanted = new LinkedHashMap<>();
        if (requirement == null || requirement.isBlank()) {
            return wanted;
        }
        for (String part : requirement.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(PropertyNames.GO_TOOLCHAINS + ": '" + p + "' is not key=value "
                        + "(example: version=>=1.22,arch=arm64)");
            }
            wanted.put(
                    p.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                    p.substring(eq + 1).trim());
        }
        return wanted;
    }

    private static boolean matches(Declared d, Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            String have = d.provides().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(w.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (have == null) {
                return false;
            }
            if (w.getKey().equals("version")) {
                Optional<GoVersion> v = GoVersion.parse(have);
                if (v.isEmpty() || !GoVersionRange.parse(w.getValue()).contains(v.get())) {
                    return false;
                }
            } else if (!Objects.equals(
                    have.toLowerCase(Locale.ROOT), w.getValue().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
