package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import java.util.List;
import java.util.Map;

/**
 * Executes a foreign Linux binary directly and lets the kernel's binfmt_misc handler translate it, the way a user
 * who never typed {@code qemu} meets emulation. {@code QEMU_LD_PREFIX} points the handler at the C runtime of the
 * binary's architecture.
 */
final class BinfmtRunner extends ForeignLinuxRunner {

    public BinfmtRunner(Host host, ProcessRunner processes) {
        super(host, processes);
    }

    @Override
    public String name() {
        return "binfmt";
    }

    @Override
    Availability availableFor(Arch arch) {
        return host.binfmtFor(arch).isPresent()
                ? Availability.yes()
                : Availability.no("binfmt_misc has no enabled handler for " + arch.goarch() + " ELF files: "
                        + "apt-get install qemu-user-static binfmt-support && update-binfmts --enable qemu-"
                        + arch.qemu());
    }

    @Override
    public Launch launch(Arch arch) {
        Map<String, String> env = host.sysroot(arch)
                .map(root -> Map.of("QEMU_LD_PREFIX", root.toString()))
                .orElse(Map.of());
        return new Launch(name(), List.of(), env, true);
    }
}
