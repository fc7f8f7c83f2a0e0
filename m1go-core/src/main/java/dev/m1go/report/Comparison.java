package dev.m1go.report;

import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * This run compared with a previous report ({@code m1go.baseline}). Each failing cell is {@code new} (the baseline
 * has no failure with the same signature for that cell: it passed, failed differently, or did not exist) or
 * {@code known} (same cell, same signature); each cell that failed in the baseline and passes now is {@code fixed}.
 *
 * @param baseline          the baseline file as given
 * @param baselineStartedAt when the baseline run started
 * @param changes           one entry per failing or fixed cell, in report order
 */
public record Comparison(String baseline, String baselineStartedAt, List<Change> changes) {

    public static final String NEW = "new";
    public static final String KNOWN = "known";
    public static final String FIXED = "fixed";

    public Comparison {
        Objects.requireNonNull(baseline, "baseline");
        changes = List.copyOf(changes == null ? List.of() : changes);
    }

    /**
     * One cell's change.
     *
     * @param cell      the cell's key ({@link CellKey#id()})
     * @param status    {@code new}, {@code known} or {@code fixed}
     * @param signature the signature now ({@code null} for a fixed cell)
     * @param before    the signature in the baseline, or {@code null} when the cell passed or was absent there
     * @param rate      for a cell that ran more than once now and in the baseline: {@code 7/200 vs 1/200}
     * @param pValue    with {@code rate}: the two-sided Fisher exact test of the two failure counts; the change is
     *                  {@code new} only when p &lt; 0.05 and the rate rose
     */
    public record Change(
            String cell,
            String status,
            String signature,
            String before,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String rate,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Double pValue) {
        public Change {
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(status, "status");
        }

        public Change(String cell, String status, String signature, String before) {
            this(cell, status, signature, before, null, null);
        }
    }

    public static Comparison of(Report now, Report before, String source) {
        Map<CellKey, CellResult> previous = new HashMap<>();
        before.cells().forEach(c -> previous.put(c.key(), c));
        List<Change> changes = new ArrayList<>();
        for (CellResult c : now.cells()) {
            CellResult old = previous.get(c.key());
            String oldSignature = old != null && Cluster.failing(old) ? Cluster.signatureOf(old) : null;
            if (c.failures() > 0 && old != null && c.failureRate() != null && old.failureRate() != null) {
                dev.m1go.stats.FailureRate current = c.failureRate();
                dev.m1go.stats.FailureRate then = old.failureRate();
                double p = dev.m1go.stats.Statistics.fisherTwoSided(current.k(), current.n(), then.k(), then.n());
                boolean rose = p < Differential.ALPHA && current.rate() > then.rate();
                changes.add(new Change(
                        c.key().id(),
                        rose ? NEW : KNOWN,
                        Cluster.signatureOf(c),
                        oldSignature,
                        current + " vs " + then,
                        p));
            } else if (Cluster.failing(c)) {
                String signature = Cluster.signatureOf(c);
                changes.add(new Change(
                        c.key().id(), signature.equals(oldSignature) ? KNOWN : NEW, signature, oldSignature));
            } else if (c.outcome().isPass() && oldSignature != null) {
                changes.add(new Change(c.key().id(), FIXED, null, oldSignature));
            }
        }
        return new Comparison(source, before.startedAt(), changes);
    }

    /** Status per cell ({@code new}, {@code known}, {@code fixed}), keyed by {@link CellKey#id()}. */
    public Map<String, String> statusByCell() {
        Map<String, String> m = new HashMap<>();
        changes.forEach(ch -> m.put(ch.cell(), ch.status()));
        return m;
    }

    /** How many cells are new, known, fixed. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new TreeMap<>();
        for (String s : List.of(NEW, KNOWN, FIXED)) {
            m.put(s, 0);
        }
        changes.forEach(ch -> m.merge(ch.status(), 1, Integer::sum));
        return m;
    }
}
