package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunnerOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The failing cells that share one signature: where the same failure shows up ("this SIGABRT appears on 5
 * toolchains × 3 runners").
 *
 * @param signature  the shared signature
 * @param outcome    its outcome
 * @param signal     its signal, or {@code null}
 * @param cells      how many cells have it
 * @param cases      the cases it occurs in, sorted
 * @param toolchains the toolchains it occurs on, by Go release ({@code go1.19.8}, {@code go1.19.8 (arm64 go)})
 * @param targets    the targets ({@code linux/arm64}), sorted
 * @param runners    the runners, in report column order
 * @param hosts      in a merged report the host labels, else empty
 * @param stacks     per toolchain: how deep the recorded stack was and in which frame the failure was caught
 * @param where      the actual cells, as exact sets: {@code go1.22.12, go1.23.5: linux/amd64 native, linux/arm64
 *                   qemu} (toolchains with the same target × runner cells share a line; never a product of the
 *                   distinct values)
 */
public record Cluster(
        String signature,
        Outcome outcome,
        String signal,
        int cells,
        List<String> cases,
        List<String> toolchains,
        List<String> targets,
        List<String> runners,
        List<String> hosts,
        List<Stack> stacks,
        List<String> where) {

    public Cluster {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(outcome, "outcome");
        cases = List.copyOf(cases);
        toolchains = List.copyOf(toolchains);
        targets = List.copyOf(targets);
        runners = List.copyOf(runners);
        hosts = List.copyOf(hosts);
        stacks = List.copyOf(stacks);
        where = List.copyOf(where);
    }

    /**
     * The stack of one toolchain's cells in this cluster (the first such cell in report order).
     *
     * @param go       the toolchain: Go version, with {@code (arm64 go)} for a toolchain of another architecture
     * @param depth    how many meaningful frames the crash report held (runtime-internal frames not counted)
     * @param caughtIn the innermost meaningful frame: where the panic or signal was caught; {@code null} when the
     *                 failure has no Go stack (link errors, emulator faults)
     * @param frames   those frames, innermost first
     */
    public record Stack(String go, int depth, String caughtIn, List<String> frames) {
        public Stack {
            frames = List.copyOf(frames);
        }
    }

    /** Where the failure occurs, on one line: the {@link #where()} lines joined with {@code ; }. */
    public String spread() {
        return String.join("; ", where);
    }

    /**
     * The exact cells: per toolchain (with case and host when the cluster spans several), the target × runner ×
     * variant cells it failed in; toolchains with the same cells share one line.
     */
    private static List<String> where(List<CellResult> cells, Function<CellResult, String> label) {
        boolean manyCases = cells.stream().map(c -> c.key().caseId()).distinct().count() > 1;
        Map<String, List<String>> perToolchain = new TreeMap<>();
        Map<String, CellKey> firstOf = new TreeMap<>();
        for (CellResult c : cells) {
            CellKey k = c.key();
            String key =
                    (manyCases ? k.caseId() + " " : "") + (k.host() == null ? "" : k.host() + " ") + label.apply(c);
            perToolchain
                    .computeIfAbsent(key, x -> new ArrayList<>())
                    .add(k.target() + " " + k.runner() + (k.defaultVariant() ? "" : " " + k.variant()));
            firstOf.putIfAbsent(key, k);
        }
        Map<String, List<String>> byCells = new LinkedHashMap<>();
        perToolchain.keySet().stream()
                .sorted(Comparator.comparing(firstOf::get, CellKey.ORDER))
                .forEach(key -> {
                    String cellsText = String.join(
                            ", ", perToolchain.get(key).stream().distinct().toList());
                    byCells.computeIfAbsent(cellsText, k -> new ArrayList<>()).add(key);
                });
        List<String> out = new ArrayList<>();
        byCells.forEach((cellsText, keys) -> out.add(String.join(", ", keys) + ": " + cellsText));
        return out;
    }

    /** True for cells that count as failures: they ran or were built and did not pass. */
    public static boolean failing(CellResult c) {
        return c.outcome() != Outcome.PASS && c.outcome() != Outcome.SKIPPED;
    }

    /**
     * The signature a failing cell is grouped under: the classifier's (its outcome and signal when it gave none), and
     * for a module-mode test cell the names of its failing tests ({@code EXIT_NONZERO exit 1 · failing tests: TestA,
     * TestB/sub}, sorted, at most five named, parents that failed with a subtest left out), so that cells whose
     * different tests fail are different clusters, and cells whose same tests fail one.
     */
    public static String signatureOf(CellResult c) {
        String signature = c.diagnosis().signature();
        if (signature == null || signature.isBlank()) {
            signature = c.outcome().name() + (c.signal() == null ? "" : " " + c.signal());
        }
        String tests = TestCells.signatureTests(TestCells.failingLeaves(c));
        return tests.isEmpty() ? signature : signature + " · failing tests: " + tests;
    }

    /**
     * Groups the failing cells by signature; the clusters come largest first, ties by signature, so the same cells
     * always give the same list.
     *
     * @param hostArch the architecture of the host that measured a cell (to mark toolchains of another architecture)
     */
    public static List<Cluster> of(List<CellResult> all, Function<CellResult, String> hostArch) {
        Map<String, List<CellResult>> bySignature = new TreeMap<>();
        all.stream()
                .filter(Cluster::failing)
                .sorted(CellResult.ORDER)
                .forEach(c -> bySignature
                        .computeIfAbsent(signatureOf(c), k -> new ArrayList<>())
                        .add(c));
        List<Cluster> clusters = new ArrayList<>();
        bySignature.forEach((signature, cells) -> {
            CellResult first = cells.get(0);
            TreeSet<String> cases = new TreeSet<>();
            TreeSet<String> toolchains = new TreeSet<>(GoOrder.LABELS);
            TreeSet<String> targets = new TreeSet<>();
            TreeSet<String> runners =
                    new TreeSet<>(Comparator.comparing(RunnerOrder::rank).thenComparing(Comparator.naturalOrder()));
            TreeSet<String> hosts = new TreeSet<>();
            Map<String, Stack> stacks = new LinkedHashMap<>();
            Function<CellResult, String> label = c -> c.key().toolchainLabel(hostArch.apply(c));
            for (CellResult c : cells) {
                CellKey key = c.key();
                cases.add(key.caseId());
                String toolchain = label.apply(c);
                toolchains.add(toolchain);
                targets.add(key.target().toString());
                runners.add(key.runner());
                if (key.host() != null) {
                    hosts.add(key.host());
                }
                List<String> frames = c.diagnosis().frames();
                stacks.putIfAbsent(
                        toolchain,
                        new Stack(toolchain, frames.size(), frames.isEmpty() ? null : frames.get(0), frames));
            }
            List<Stack> perGo = stacks.values().stream()
                    .sorted(Comparator.comparing(Stack::go, GoOrder.LABELS))
                    .toList();
            clusters.add(new Cluster(
                    signature,
                    first.outcome(),
                    first.signal(),
                    cells.size(),
                    List.copyOf(cases),
                    List.copyOf(toolchains),
                    List.copyOf(targets),
                    List.copyOf(runners),
                    List.copyOf(hosts),
                    perGo,
                    where(cells, label)));
        });
        clusters.sort(Comparator.comparing(Cluster::cells).reversed().thenComparing(Cluster::signature));
        return List.copyOf(clusters);
    }
}
