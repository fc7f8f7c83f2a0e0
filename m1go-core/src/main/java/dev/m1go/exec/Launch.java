package dev.m1go.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to start a binary of some architecture on this host: nothing for a native one, {@code arch -x86_64} for Rosetta,
 * {@code qemu-aarch64 -L /usr/aarch64-linux-gnu} for an explicit emulator, or nothing but {@code QEMU_LD_PREFIX} when
 * the kernel's binfmt_misc handler translates.
 *
 * @param runner      the runner's name ({@code native}, {@code rosetta}, {@code qemu}, {@code binfmt})
 * @param prefix      argv put before the binary
 * @param environment variables added to the process environment
 * @param translated  whether the binary runs under a translator
 */
public record Launch(String runner, List<String> prefix, Map<String, String> environment, boolean translated) {

    public Launch {
        Objects.requireNonNull(runner, "runner");
        prefix = List.copyOf(prefix);
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    public static Launch direct() {
        return new Launch("native", List.of(), Map.of(), false);
    }

    public List<String> wrap(List<String> argv) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(argv);
        return full;
    }

    public Map<String, String> environmentWith(Map<String, String> base) {
        Map<String, String> env = new TreeMap<>(base);
        env.putAll(environment);
        return env;
    }
}
