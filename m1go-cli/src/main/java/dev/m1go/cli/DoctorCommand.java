package dev.m1go.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Diagnose the host, Go toolchains, C compilers, emulators, binfmt_misc and Docker before any "
                + "matrix.")
public final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("filled in by the use-case work");
    }
}
