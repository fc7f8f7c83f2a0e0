package dev.m1go.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Say what binaries, libraries, objects and archives really are, read from their own bytes.")
public final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("filled in by the use-case work");
    }
}
