package dev.m1go.runner;

import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Os;

/** A runner that translates Linux binaries of a foreign architecture on a Linux host: {@code qemu} and {@code binfmt}. */
abstract class ForeignLinuxRunner extends LocalRunner {

    ForeignLinuxRunner(Host host, ProcessRunner processes) {
        super(host, processes);
    }

    @Override
    public final boolean appliesTo(Os os, Arch arch) {
        return os == Os.LINUX && host.os() == Os.LINUX && arch != host.arch();
    }

    @Override
    public final Availability availability(Os os, Arch arch) {
        if (!appliesTo(os, arch)) {
            return Availability.no(name() + " translates Linux binaries of a foreign architecture on a Linux host; "
                    + "this host is " + hostPlatform() + " and the binary " + platform(os, arch));
        }
        return availableFor(arch);
    }

    /** Whether the translator for {@code arch} is installed. */
    abstract Availability availableFor(Arch arch);

    @Override
    public final boolean translates(Arch arch) {
        return true;
    }
}
