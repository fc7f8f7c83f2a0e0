package dev.m1go.matrix;

import java.util.Objects;

/**
 * One result line of a Go benchmark ({@code BenchmarkSum-2   100   550.4 ns/op}) as a test binary printed it in a
 * module-mode test cell run with {@code m1go.testBench}.
 *
 * @param name       the benchmark with its GOMAXPROCS suffix, as printed ({@code BenchmarkSum-2}; none at 1)
 * @param iterations how many times its loop ran ({@code b.N})
 * @param nsPerOp    nanoseconds per iteration
 */
public record BenchmarkResult(String name, long iterations, double nsPerOp) {
    public BenchmarkResult {
        Objects.requireNonNull(name, "name");
    }
}
