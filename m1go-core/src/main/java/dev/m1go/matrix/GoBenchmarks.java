package dev.m1go.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark results in a test binary's standard output ({@code -test.v -test.bench=…}), read from its log as a
 * stream: a line longer than {@value #MAX_LINE} bytes is no result line and is skipped unread, and at most
 * {@value #MAX_RESULTS} results are kept. The results are read from the output itself, not from test2json's events:
 * test2json files a benchmark's lines under the last test that ran.
 */
public final class GoBenchmarks {

    static final int MAX_LINE = 4096;
    static final int MAX_RESULTS = 10_000;
    private static final Pattern RESULT = Pattern.compile(
            "^(Benchmark\\S*)\\s+(\\d+)\\s+([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?) ns/op(?:\\s.*)?$");

    private GoBenchmarks() {}

    /** The results of the log {@code stdout}, in the order printed; empty when it holds none or does not exist. */
    public static List<BenchmarkResult> read(Path stdout) throws IOException {
        if (!Files.isRegularFile(stdout)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(stdout)) {
            return read(in);
        }
    }

    public static List<BenchmarkResult> read(InputStream in) throws IOException {
        List<BenchmarkResult> results = new ArrayList<>();
        byte[] line = new byte[MAX_LINE];
        int length = 0;
        boolean tooLong = false;
        byte[] chunk = new byte[1 << 16];
        int n;
        while ((n = in.read(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    if (!tooLong) {
                        add(results, new String(line, 0, length, StandardCharsets.UTF_8));
                    }
                    length = 0;
                    tooLong = false;
                } else if (!tooLong) {
                    if (length == MAX_LINE) {
                        tooLong = true;
                    } else {
                        line[length++] = b;
                    }
                }
            }
        }
        if (!tooLong && length > 0) {
            add(results, new String(line, 0, length, StandardCharsets.UTF_8));
        }
        return results;
    }

    /** Adds the result a line holds, if any. */
    private static void add(List<BenchmarkResult> results, String line) {
        if (results.size() >= MAX_RESULTS || !line.startsWith("Benchmark")) {
            return;
        }
        Matcher m = RESULT.matcher(line.strip());
        if (m.matches()) {
            try {
                results.add(
                        new BenchmarkResult(m.group(1), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3))));
            } catch (NumberFormatException e) {
                // an iteration count beyond a long is no result line
            }
        }
    }
}
