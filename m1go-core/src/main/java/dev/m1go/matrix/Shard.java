package dev.m1go.matrix;

import dev.m1go.host.Arch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of {@code n} shares of a matrix ({@code m1go.shard=k/n}), for running it across machines or CI jobs: the
 * planned cells are grouped by the build they share (a group is never split, so no build runs twice), each group is
 * given an expected cost, and the groups are dealt out longest first to the share with the least cost so far (ties to
 * the lowest share). The result depends only on the plan, so every job computes the same partition; the {@code n}
 * shares together are the plan, each cell in exactly one.
 *
 * <p>The cost is a rough expectation, not a measurement: a build by a toolchain of another architecture (its go
 * command runs translated) {@value #TRANSLATED_BUILD}, a build that compiles other modules {@value #MODULE_BUILD},
 * any other build {@value #BUILD}; a run under translation {@value #TRANSLATED_RUN}, a native run {@value #RUN}; a
 * skipped cell nothing.
 */
public record Shard(int index, int count) {

    static final int TRANSLATED_BUILD = 60;
    static final int MODULE_BUILD = 20;
    static final int BUILD = 5;
    static final int TRANSLATED_RUN = 3;
    static final int RUN = 1;

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /**
     * Parses {@code K/N}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static Shard parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + t + "' is not K/N (for example 2/3: the second of three shares)");
        }
        try {
            return new Shard(
                    Integer.parseInt(t.substring(0, slash).trim()),
                    Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not K/N with whole numbers (for example 2/3)");
        }
    }

    /** This share of {@code plan}, in the plan's order. */
    public List<PlannedCell> select(List<PlannedCell> plan, Arch hostArch) {
        Map<String, List<PlannedCell>> groups = new LinkedHashMap<>();
        for (PlannedCell p : plan) {
            String key = p.skipped()
                    ? "skipped|" + p.reproCase().id() + "|" + p.toolchain().key() + "|" + p.target() + "|"
                            + p.runner().name() + "|" + p.variant()
                    : MatrixEngine.buildKey(p);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        record Group(String key, List<PlannedCell> cells, long cost) {}
        List<Group> ordered = new ArrayList<>();
        groups.forEach((key, cells) -> ordered.add(new Group(key, cells, cost(cells, hostArch))));
        ordered.sort(Comparator.comparingLong(Group::cost).reversed().thenComparing(Group::key));
        long[] load = new long[count];
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (Group g : ordered) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            load[least] += g.cost();
            if (least == index - 1) {
                mine.add(g.key());
            }
        }
        List<PlannedCell> selected = new ArrayList<>();
        groups.forEach((key, cells) -> {
            if (mine.contains(key)) {
                selected.addAll(cells);
            }
        });
        return selected;
    }

    /** The expected cost of a group of cells that share one build. */
    static long cost(List<PlannedCell> cells, Arch hostArch) {
        PlannedCell first = cells.get(0);
        if (first.skipped()) {
            return 0;
        }
        long cost = first.toolchain().binaryArch() != hostArch
                ? TRANSLATED_BUILD
                : MatrixEngine.requiresModules(first.reproCase()) ? MODULE_BUILD : BUILD;
        for (PlannedCell p : cells) {
            cost += p.target().arch() != hostArch ? TRANSLATED_RUN : RUN;
        }
        return cost;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
