package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes a Linux binary of another architecture through an explicit qemu-user emulator:
 * {@code qemu-aarch64 -L /usr/aarch64-linux-gnu ./binary}. The dynamic {@code qemu-x} is preferred over
 * {@code qemu-x-static}. {@code -L} reaches only the binary qemu starts: a process that binary starts is executed by
 * the kernel, through binfmt_misc, and learns the sysroot only from {@code QEMU_LD_PREFIX}, so that is set too.
 */
final class QemuRunner extends ForeignLinuxRunner {

    public QemuRunner(Host host, ProcessRunner processes) {
        super(host, processes);
    }

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    Availability availableFor(Arch arch) {
        return emulator(arch).isPresent()
                ? Availability.yes()
                : Availability.no("qemu-" + arch.qemu() + " not found on PATH: apt-get install qemu-user");
    }

    @Override
    public Launch launch(Arch arch) {
        Emulator e = emulator(arch).orElseThrow();
        List<String> prefix = new ArrayList<>(List.of(e.path().toString()));
        Optional<Path> sysroot = host.sysroot(arch);
        sysroot.ifPresent(root -> prefix.addAll(List.of("-L", root.toString())));
        Map<String, String> env =
                sysroot.map(root -> Map.of("QEMU_LD_PREFIX", root.toString())).orElse(Map.of());
        return new Launch(name(), prefix, env, true);
    }

    private Optional<Emulator> emulator(Arch arch) {
        return host.emulatorsFor(arch).stream()
                .filter(e -> e.name().startsWith("qemu-"))
                .findFirst();
    }
}
