package dev.m1go.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify saved crash logs: one JSON line per log (LOG '-' reads standard input).")
public final class ClassifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("filled in by the use-case work");
    }
}
