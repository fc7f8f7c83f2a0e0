package dev.m1go.matrix;

import java.util.List;

/** The column order of runners in every report: native first, then the translators, containers last. */
public final class RunnerOrder {
    public static final List<String> NAMES = List.of("native", "rosetta", "qemu", "binfmt", "container");

    private RunnerOrder() {}

    public static int rank(String runner) {
        int i = NAMES.indexOf(runner);
        return i < 0 ? NAMES.size() : i;
    }
}
