package dev.m1go.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge report.json files of several machines or runs into one report.")
public final class MergeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("filled in by the use-case work");
    }
}
