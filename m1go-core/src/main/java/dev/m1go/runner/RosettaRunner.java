package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes an x86_64 macOS binary under Rosetta 2 on Apple silicon: {@code arch -x86_64 ./binary}. Available when
 * the host is an arm64 Mac ({@code hw.optional.arm64}) and {@code arch -x86_64 /usr/bin/true} ran.
 */
final class RosettaRunner extends LocalRunner {

    public RosettaRunner(Host host, ProcessRunner processes) {
        super(host, processes);
    }

    @Override
    public String name() {
        return "rosetta";
    }

    @Override
    public boolean appliesTo(Os os, Arch arch) {
        return os == Os.DARWIN && arch == Arch.AMD64 && host.os() == Os.DARWIN && host.arch() == Arch.ARM64;
    }

    @Override
    public Availability availability(Os os, Arch arch) {
        if (!appliesTo(os, arch)) {
            return Availability.no(
                    "Rosetta 2 runs darwin/amd64 binaries on an Apple silicon Mac; this host is " + hostPlatform());
        }
        return rosetta().isPresent()
                ? Availability.yes()
                : Availability.no("Rosetta 2 is not installed (arch -x86_64 /usr/bin/true failed): "
                        + "softwareupdate --install-rosetta --agree-to-license");
    }

    @Override
    public boolean translates(Arch arch) {
        return true;
    }

    @Override
    public Launch launch(Arch arch) {
        Emulator r = rosetta().orElseThrow();
        return new Launch(name(), List.of(r.path().toString(), "-x86_64"), Map.of(), true);
    }

    private Optional<Emulator> rosetta() {
        return host.emulators().stream().filter(e -> e.name().equals("rosetta")).findFirst();
    }
}
