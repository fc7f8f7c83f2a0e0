package dev.m1go.classify;

import java.util.Objects;

/**
 * A line of the original text that a reading rests on.
 *
 * @param line the line number in the text as given (1-based; a glued header split off keeps its line's number)
 * @param text the line as the classifier read it (tool prefixes removed)
 */
public record EvidenceLine(int line, String text) {

    public EvidenceLine {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
        Objects.requireNonNull(text, "text");
    }
}
