package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A point in version order where a case's outcome changes: for one (case, target, runner, toolchain architecture,
 * variant), the toolchains in version order, and the last version with the old outcome next to the first with the
 * new one ("PASS up to go1.21.13, CGO_CHECK from go1.22.12"). Cells of every host take part, so a merged report of
 * machines with other toolchains fills in more versions; skipped cells do not.
 *
 * @param upTo    the last version with outcome {@code before}
 * @param from    the first version with outcome {@code after}
 * @param before  outcome (and signal) up to {@code upTo}
 * @param after   outcome (and signal) from {@code from}
 * @param versions every version of the sequence, in order (so a reader sees how densely it was measured)
 */
public record Boundary(
        @JsonProperty("case") String caseId,
        String goos,
        String goarch,
        String runner,
        String toolchainArch,
        String variant,
        String upTo,
        String before,
        String from,
        String after,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> versions) {

    public Boundary {
        Objects.requireNonNull(caseId, "case");
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(from, "from");
        versions = List.copyOf(versions == null ? List.of() : versions);
    }

    /** Every boundary of the cells, by case, target, runner, toolchain architecture, variant, then version. */
    public static List<Boundary> of(List<CellResult> cells) {
        Map<String, List<CellResult>> sequences = new LinkedHashMap<>();
        cells.stream().filter(c -> c.verdict() != Verdict.SKIPPED).sorted(CellResult.ORDER)
                .sorted(Comparator.comparing((CellResult c) -> c.key().caseId())
                        .thenComparing(c -> c.key().target())
                        .thenComparing(c -> dev.m1go.matrix.RunnerOrder.rank(c.key().runner()))
                        .thenComparing(c -> c.key().toolchainArch().goarch()).thenComparing(c -> c.key().variant())
                        .thenComparing(c -> c.key().go(), dev.m1go.toolchain.GoVersion.STRING_ORDER))
                .forEach(c -> sequences.computeIfAbsent(String.join("\u0000", c.key().caseId(),
                        c.key().target().toString(), c.key().runner(), c.key().toolchainArch().goarch(),
                        c.key().variant()), k -> new ArrayList<>()).add(c));
        List<Boundary> out = new ArrayList<>();
        for (List<CellResult> seq : sequences.values()) {
            List<String> versions = seq.stream().map(c -> c.key().go()).distinct().toList();
            for (int i = 1; i < seq.size(); i++) {
                CellResult a = seq.get(i - 1);
                CellResult b = seq.get(i);
                if (!outcome(a).equals(outcome(b))) {
                    dev.m1go.matrix.CellKey k = b.key();
                    out.add(new Boundary(k.caseId(), k.target().os().goos(), k.target().arch().goarch(), k.runner(),
                            k.toolchainArch().goarch(), k.variant(), a.key().go(), outcome(a), k.go(), outcome(b),
                            versions));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String outcome(CellResult c) {
        return c.outcome() + (c.signal() == null ? "" : " " + c.signal());
    }

    /** {@code linux/arm64 qemu}, with {@code (arm64 go)} when the toolchain is not of {@code hostArch}. */
    public String where(String hostArch) {
        return goos + "/" + goarch + " " + runner + (toolchainArch.equals(hostArch) ? "" : " (" + toolchainArch
                + " go)") + (variant.equals("default") ? "" : " " + variant);
    }

    /** {@code PASS up to go1.21.13, CGO_CHECK from go1.22.12}. */
    public String describe() {
        return before + " up to " + upTo + ", " + after + " from " + from;
    }
}
