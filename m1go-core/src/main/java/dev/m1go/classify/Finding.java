package dev.m1go.classify;

import java.util.Objects;

/**
 * One piece of evidence found in the text: the outcome it argues for, the signal it names (or null), the line it
 * was found on and its index.
 */
record Finding(Outcome outcome, String signal, int line, String text) {

    Finding {
        Objects.requireNonNull(outcome, "outcome");
        text = text == null ? "" : text.trim();
    }
}
