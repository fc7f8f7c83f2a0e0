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
        List<Stack> stacks) {

    public Cluster {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(outcome, "outcome");
        cases = List.copyOf(cases);
        toolchains = List.copyOf(toolchains);
        targets = List.copyOf(targets);
        runners = List.copyOf(runners);
        hosts = List.copyOf(hosts);
        stacks = List.copyOf(stacks);
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

    /** "5 toolchains × 3 runners" — the spread at a glance. */
    public String spread() {
        List<String> parts = new ArrayList<>();
        parts.add(count(toolchains.size(), "toolchain"));
        parts.add(count(targets.size(), "target"));
        parts.add(count(runners.size(), "runner"));
        if (!hosts.isEmpty()) {
            parts.add(count(hosts.size(), "host"));
        }
        return String.join(" × ", parts);
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** True for cells that count as failures: they ran or were built and did not pass. */
    public static boolean failing(CellResult c) {
        return c.outcome() != Outcome.PASS && c.outcome() != Outcome.SKIPPED;
    }

    /** The signature a failing cell is grouped under (its outcome and signal when the classifier gave none). */
    public static String signatureOf(CellResult c) {
        String signature = c.diagnosis().signature();
        if (signature != null && !signature.isBlank()) {
            return signature;
        }
        return c.outcome().name() + (c.signal() == null ? "" : " " + c.signal());
    }

    /**
     * Groups the failing cells by signature; the clusters come largest first, ties by signature, so the same cells
     * always give the same list.
     *
     * @param hostArch the architecture of the host that measured a cell (to mark toolchains of another architecture)
     */
    public static List<Cluster> of(List<CellResult> all, Function<CellResult, String> hostArch) {
        Map<String, List<CellResult>> bySignature = new TreeMap<>();
        all.stream().filter(Cluster::failing).sorted(CellResult.ORDER)
                .forEach(c -> bySignature.computeIfAbsent(signatureOf(c), k -> new ArrayList<>()).add(c));
        List<Cluster> clusters = new ArrayList<>();
        bySignature.forEach((signature, cells) -> {
            CellResult first = cells.get(0);
            TreeSet<String> cases = new TreeSet<>();
            TreeSet<String> toolchains = new TreeSet<>(GoOrder.LABELS);
            TreeSet<String> targets = new TreeSet<>();
            TreeSet<String> runners = new TreeSet<>(Comparator.comparing(RunnerOrder::rank)
                    .thenComparing(Comparator.naturalOrder()));
            TreeSet<String> hosts = new TreeSet<>();
            Map<String, Stack> stacks = new LinkedHashMap<>();
            for (CellResult c : cells) {
                CellKey key = c.key();
                cases.add(key.caseId());
                String toolchain = key.toolchainLabel(hostArch.apply(c));
                toolchains.add(toolchain);
                targets.add(key.target().toString());
                runners.add(key.runner());
                if (key.host() != null) {
                    hosts.add(key.host());
                }
                List<String> frames = c.diagnosis().frames();
                stacks.putIfAbsent(toolchain, new Stack(toolchain, frames.size(),
                        frames.isEmpty() ? null : frames.get(0), frames));
            }
            List<Stack> perGo = stacks.values().stream()
                    .sorted(Comparator.comparing(Stack::go, GoOrder.LABELS)).toList();
            clusters.add(new Cluster(signature, first.outcome(), first.signal(), cells.size(), List.copyOf(cases),
                    List.copyOf(toolchains), List.copyOf(targets), List.copyOf(runners), List.copyOf(hosts), perGo));
        });
        clusters.sort(Comparator.comparing(Cluster::cells).reversed().thenComparing(Cluster::signature));
        return List.copyOf(clusters);
    }
}
