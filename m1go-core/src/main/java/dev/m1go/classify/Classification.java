package dev.m1go.classify;

import java.util.List;
import java.util.Objects;

/**
 * What the classifier concluded.
 *
 * @param outcome   the outcome (one of the names in DESIGN.md)
 * @param signal    the signal name ({@code SIGSEGV}, …) when one is part of the evidence, else {@code null}
 * @param inCgo     the fault arrived while C code ran
 * @param summary   one line a person can read (the crash header, the linker's complaint, …)
 * @param signature a normalized, stable fingerprint for clustering, or {@code null} for {@link Outcome#PASS}
 * @param header    the crash report header lines as printed, without addresses removed; empty if none
 * @param frames    the first meaningful frames (function names only), outermost last; empty if none
 */
public record Classification(
        Outcome outcome,
        String signal,
        boolean inCgo,
        String summary,
        String signature,
        List<String> header,
        List<String> frames) {

    public Classification {
        Objects.requireNonNull(outcome, "outcome");
        summary = summary == null ? "" : summary;
        header = List.copyOf(header == null ? List.of() : header);
        frames = List.copyOf(frames == null ? List.of() : frames);
    }

    public static Classification of(Outcome outcome, String signal, String summary) {
        return new Classification(
                outcome,
                signal,
                false,
                summary,
                outcome == Outcome.PASS ? null : outcome + (signal == null ? "" : " " + signal),
                List.of(),
                List.of());
    }
}
