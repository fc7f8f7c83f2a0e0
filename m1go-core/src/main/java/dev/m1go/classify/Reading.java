package dev.m1go.classify;

import java.util.List;
import java.util.Objects;

/**
 * A classification with what it rests on: how sure it is, one sentence saying why, the lines of the text that are
 * its evidence, and what normalising the text did (prefixes removed, glued lines split).
 *
 * @param classification the outcome and its details
 * @param confidence     how sure the reading is
 * @param assessment     one sentence: what decided the outcome, or what was seen when nothing did
 * @param evidence       the lines the outcome rests on, in text order
 * @param normalization  what was done to the text before reading it, one short sentence each
 */
public record Reading(
        Classification classification,
        Confidence confidence,
        String assessment,
        List<EvidenceLine> evidence,
        List<String> normalization) {

    public Reading {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(assessment, "assessment");
        evidence = List.copyOf(evidence);
        normalization = List.copyOf(normalization);
    }

    /** A reading of a classification that came with no account of its evidence. */
    public static Reading of(Classification classification) {
        return new Reading(classification, Confidence.HIGH, classification.summary(), List.of(), List.of());
    }

    /** This reading with every evidence line moved down by {@code lines} (for text that followed a header). */
    public Reading shiftedBy(int lines) {
        if (lines == 0) {
            return this;
        }
        return new Reading(
                classification,
                confidence,
                assessment,
                evidence.stream()
                        .map(e -> new EvidenceLine(e.line() + lines, e.text()))
                        .toList(),
                normalization);
    }
}
