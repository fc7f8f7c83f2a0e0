package dev.m1go.report;

import dev.m1go.matrix.BenchmarkResult;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.report.MarkdownFit.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Module mode with {@code -test.bench} in report.md: how much slower each benchmark runs under translation. One row
 * per (test binary, toolchain, benchmark): its ns/op in the native cell and in each translated cell of the same
 * toolchain, host and variant, each translated one with its ratio to the native one (shown only where both exist). A
 * benchmark reported more than once in a cell ({@code -test.count}) counts with its median.
 */
final class BenchmarkTable {

    static final String HEADING = "Benchmarks";
    /** Rows shown before the rest is summed up in one line. */
    static final int MAX_ROWS = 60;

    private BenchmarkTable() {}

    /** One row of the table. */
    record Row(
            String binary,
            String go,
            String benchmark,
            String nativeCell,
            Double nativeNs,
            Map<String, Double> translated) {}

    /** The rows of every group of cells that has benchmark results, in report order. */
    static List<Row> rows(List<CellResult> cells) {
        Map<List<Object>, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult c : cells) {
            if (!c.benchmarks().isEmpty()) {
                CellKey k = c.key();
                groups.computeIfAbsent(
                                List.of(
                                        k.caseId(),
                                        k.go(),
                                        k.toolchainArch(),
                                        k.variant(),
                                        Objects.toString(k.host(), "")),
                                x -> new ArrayList<>())
                        .add(c);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<CellResult> group : groups.values()) {
            CellResult reference =
                    group.stream().filter(c -> !c.translated()).findFirst().orElse(null);
            Map<String, Double> nativeNs = reference == null ? Map.of() : medians(reference);
            Map<String, Map<String, Double>> byBenchmark = new TreeMap<>(Comparator.naturalOrder());
            nativeNs.keySet().forEach(b -> byBenchmark.put(b, new LinkedHashMap<>()));
            for (CellResult c : group) {
                if (c.translated()) {
                    medians(c)
                            .forEach((b, ns) -> byBenchmark
                                    .computeIfAbsent(b, x -> new LinkedHashMap<>())
                                    .put(c.key().column(), ns));
                }
            }
            CellKey k = group.get(0).key();
            byBenchmark.forEach((b, translated) -> rows.add(new Row(
                    k.caseId(),
                    k.go(),
                    b,
                    reference == null ? null : reference.key().column(),
                    nativeNs.get(b),
                    translated)));
        }
        return rows;
    }

    /** Each benchmark of a cell with the median of its ns/op. */
    private static Map<String, Double> medians(CellResult c) {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (BenchmarkResult b : c.benchmarks()) {
            all.computeIfAbsent(b.name(), x -> new ArrayList<>()).add(b.nsPerOp());
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        all.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            medians.put(name, n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        });
        return medians;
    }

    static List<Block> markdown(Report r) {
        List<Row> rows = rows(r.cells());
        List<Block> blocks = new ArrayList<>();
        if (rows.isEmpty()) {
            return blocks;
        }
        String group = "benchmarks";
        blocks.add(new Block(
                "the section " + HEADING,
                "## " + HEADING + "\n\nns/op of each benchmark in the native "
                        + "cell and in each translated cell of the same toolchain; × is translated / native.\n\n"
                        + "| test binary | go | benchmark | native ns/op | translated ns/op (× native) |\n|---|---|---|---|---|\n",
                group));
        for (Row row : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            List<String> translated = new ArrayList<>();
            row.translated()
                    .forEach((cell, ns) -> translated.add(MarkdownReport.escape(cell) + ": " + ns(ns)
                            + (row.nativeNs() == null || row.nativeNs() == 0
                                    ? ""
                                    : String.format(Locale.ROOT, " (%.2f×)", ns / row.nativeNs()))));
            blocks.add(new Block(
                    "rows of the benchmark table",
                    "| " + MarkdownReport.escape(row.binary()) + " | "
                            + row.go() + " | " + MarkdownReport.escape(row.benchmark()) + " | "
                            + (row.nativeNs() == null
                                    ? "–"
                                    : ns(row.nativeNs()) + " (" + MarkdownReport.escape(row.nativeCell()) + ")")
                            + " | " + (translated.isEmpty() ? "–" : String.join("<br>", translated)) + " |\n",
                    group));
        }
        if (rows.size() > MAX_ROWS) {
            blocks.add(new Block(
                    "rows of the benchmark table",
                    "| … and " + (rows.size() - MAX_ROWS) + " more "
                            + "benchmarks (every result is in report.json) | | | | |\n",
                    group));
        }
        blocks.add(new Block("a blank line", "\n"));
        return blocks;
    }

    /** ns/op with as many digits as Go prints about: {@code 1378}, {@code 36.45}. */
    static String ns(double ns) {
        return ns >= 100 ? String.format(Locale.ROOT, "%.0f", ns) : String.format(Locale.ROOT, "%.2f", ns);
    }
}
