package dev.m1go.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Build every reproducer case with every Go toolchain for every target, run each natively "
                + "and under translation, classify each run and write report.json, report.md, TEST-m1go.xml and "
                + "report.html.")
public final class ReproduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("filled in by the use-case work");
    }
}
