package dev.m1go.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits report.md under GitHub's limit: the text is a list of blocks; with too many, whole blocks go (a group's
 * rows go with its header) and the closing note names what went.
 */
final class MarkdownFit {

    private MarkdownFit() {}

    /** How much failure detail goes in. */
    enum Detail {
        STACKS,
        DETAILS,
        NONE
    }

    /**
     * A piece of the text; {@code label} names it in the closing note if it has to go. Once a block of a group has
     * to go, the rest of that group goes too (no table rows without their header, no rows after a gap).
     */
    record Block(String label, String text, String group) {
        Block(String label, String text) {
            this(label, text, null);
        }
    }

    static int length(List<Block> blocks) {
        return blocks.stream().mapToInt(b -> b.text().length()).sum();
    }

    static String join(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        blocks.forEach(b -> sb.append(b.text()));
        return sb.toString();
    }

    /** The blocks that fit in {@code budget} characters, in order, and the closing note on the rest. */
    static String cut(List<Block> blocks, int budget, boolean anyFailure) {
        StringBuilder md = new StringBuilder();
        List<String> left = new ArrayList<>();
        Set<String> cutGroups = new HashSet<>();
        Set<String> headlessGroups = new HashSet<>();
        boolean previousCut = false;
        for (Block b : blocks) {
            boolean groupCut = b.group() != null && cutGroups.contains(b.group());
            if (b.text().equals("\n") && previousCut) {
                continue;
            }
            if (!groupCut && md.length() + b.text().length() <= budget) {
                md.append(b.text());
                previousCut = false;
            } else {
                previousCut = true;
                if (b.group() == null) {
                    left.add(b.label());
                } else {
                    if (!cutGroups.contains(b.group()) && b.label().startsWith("the table")) {
                        headlessGroups.add(b.group());
                    }
                    if (!headlessGroups.contains(b.group()) || b.label().startsWith("the table")) {
                        left.add(b.label());
                    }
                    cutGroups.add(b.group());
                }
            }
        }
        return md + closing(Detail.NONE, anyFailure, left);
    }

    /** The note on what was left out at {@code level} (crash texts, details) and which blocks went. */
    static String closing(Detail level, boolean anyFailure, List<String> left) {
        List<String> parts = new ArrayList<>();
        if (level != Detail.STACKS && anyFailure) {
            parts.add(level == Detail.DETAILS ? "the crash texts" : "the crash texts and failure details");
        }
        Map<String, Integer> counted = new LinkedHashMap<>();
        left.forEach(l -> counted.merge(l, 1, Integer::sum));
        List<String> names = new ArrayList<>();
        counted.forEach((label, n) -> {
            if (!label.equals("a blank line")) {
                names.add(n == 1 ? label : n + " × " + label);
            }
        });
        if (names.size() > 12) {
            int more = names.size() - 12;
            names.subList(12, names.size()).clear();
            names.add(more + " more sections");
        }
        parts.addAll(names);
        if (parts.isEmpty()) {
            return "";
        }
        return "\n---\n_Left out to stay under GitHub's " + String.format("%,d", MarkdownReport.LIMIT)
                + "-character limit: " + MarkdownReport.escape(String.join("; ", parts)) + ". Every cell with its "
                + "full logs is in report.json, report.html and logs/ next to this file (target/m1go/ by default)._\n";
    }
}
