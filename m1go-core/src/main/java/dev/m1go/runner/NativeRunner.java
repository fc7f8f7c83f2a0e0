package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Os;

/** Executes the binary directly: the host's own OS and architecture. */
final class NativeRunner extends LocalRunner {

    public NativeRunner(Host host, ProcessRunner processes) {
        super(host, processes);
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public boolean appliesTo(Os os, Arch arch) {
        return os == host.os() && arch == host.arch();
    }

    @Override
    public Availability availability(Os os, Arch arch) {
        return appliesTo(os, arch)
                ? Availability.yes()
                : Availability.no(platform(os, arch) + " is not native on this " + hostPlatform() + " host");
    }

    @Override
    public boolean translates(Arch arch) {
        return false;
    }

    @Override
    public Launch launch(Arch arch) {
        return Launch.direct();
    }
}
