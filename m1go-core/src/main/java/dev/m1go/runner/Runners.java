package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.settings.PropertyNames;
import dev.m1go.toolchain.Launcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runners of this host, by name, and how to start a program of any architecture here (which is what running a
 * Go toolchain of another architecture needs: a translator that also covers every process it starts, so binfmt on
 * Linux, Rosetta on macOS; an explicit {@code qemu} does not follow {@code exec}).
 */
public final class Runners implements Launcher {

    private final Host host;
    private final Map<String, Runner> byName = new LinkedHashMap<>();

    public Runners(Host host, ProcessRunner processes, List<Runner> more) {
        this.host = host;
        for (Runner r : List.of(
                new NativeRunner(host, processes),
                new RosettaRunner(host, processes),
                new QemuRunner(host, processes),
                new BinfmtRunner(host, processes))) {
            byName.put(r.name(), r);
        }
        more.forEach(r -> byName.put(r.name(), r));
    }

    /** {@code m1go.runners=all}: every runner, also those the default matrix leaves out. */
    public static final String ALL = "all";

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<Runner> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The runners named in {@code m1go.runners}, in the order of {@link #names()}; with {@code all}, every runner; when
     * the list is empty, those {@linkplain Runner#inDefaultMatrix() of the default matrix}.
     *
     * @throws IllegalArgumentException naming the unknown runner, the property and the valid names
     */
    public List<Runner> select(List<String> names) {
        if (names.isEmpty()) {
            return all().stream().filter(Runner::inDefaultMatrix).toList();
        }
        if (names.size() == 1 && names.get(0).trim().equalsIgnoreCase(ALL)) {
            return all();
        }
        List<String> wanted = new ArrayList<>();
        for (String n : names) {
            String key = n.trim().toLowerCase(Locale.ROOT);
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("Unknown runner '" + n.trim() + "' in " + PropertyNames.RUNNERS
                        + PropertyNames.didYouMean(n, byName.keySet()) + ": use a comma list of "
                        + String.join(", ", byName.keySet())
                        + " (or all, or leave m1go.runners empty for the default matrix)");
            }
            wanted.add(key);
        }
        return byName.values().stream().filter(r -> wanted.contains(r.name())).toList();
    }

    @Override
    public Launch launchFor(Arch arch) throws CannotLaunchException {
        if (arch == host.arch()) {
            return Launch.direct();
        }
        if (host.os() == Os.LINUX) {
            Runner binfmt = byName.get("binfmt");
            Runner.Availability a = binfmt.availability(Os.LINUX, arch);
            if (!a.available()) {
                throw new CannotLaunchException("a " + arch.goarch() + " Go toolchain runs its compiler and linker as "
                        + "child processes, so only binfmt_misc can translate it: " + a.reason());
            }
            return ((LocalRunner) binfmt).launch(arch);
        }
        Runner rosetta = byName.get("rosetta");
        Runner.Availability a = rosetta.availability(Os.DARWIN, arch);
        if (!a.available()) {
            throw new CannotLaunchException("a " + arch.goarch() + " Go toolchain cannot run on this "
                    + host.os().goos() + "/" + host.arch().goarch() + " host: " + a.reason());
        }
        return ((LocalRunner) rosetta).launch(arch);
    }
}
