package dev.m1go.classify;

import java.util.List;
import java.util.Objects;

/**
 * A log's lines as the classifier reads them, with where each came from: prefixes that other tools put in front of
 * lines are removed, a crash header glued to the end of another line is split onto its own line, and carriage-return
 * progress output is reduced to what a terminal last showed.
 *
 * @param lines  the lines to classify
 * @param origin for each line, the index (0-based) of the line of the original text it comes from
 * @param notes  what the normalisation did, one short sentence each, for the evidence of a result
 */
record NormalizedLog(List<String> lines, List<Integer> origin, List<String> notes) {

    NormalizedLog {
        lines = List.copyOf(lines);
        origin = List.copyOf(origin);
        notes = List.copyOf(notes);
        if (lines.size() != origin.size()) {
            throw new IllegalArgumentException(
                    "one origin per line: " + lines.size() + " lines, " + origin.size() + " origins");
        }
    }

    /** The original line index of normalized line {@code i}, or -1 when {@code i} is out of range. */
    int originOf(int i) {
        return i >= 0 && i < origin.size() ? origin.get(i) : -1;
    }

    /** True when every line kept its original position (nothing was split). */
    boolean sameNumbering() {
        for (int i = 0; i < origin.size(); i++) {
            if (origin.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    static NormalizedLog of(List<String> lines, List<Integer> origin, List<String> notes) {
        return new NormalizedLog(
                Objects.requireNonNull(lines, "lines"),
                Objects.requireNonNull(origin, "origin"),
                Objects.requireNonNull(notes, "notes"));
    }
}
