package dev.m1go.matrix;

import dev.m1go.classify.Classification;
import java.util.List;

/**
 * What a cell's evidence says happened, beyond its outcome.
 *
 * @param signal    the signal of the cell's outcome ({@code SIGABRT}), or {@code null}
 * @param inCgo     the fault of the deciding run arrived in C code
 * @param signature stable failure fingerprint of the deciding run, or {@code null}
 * @param summary   one readable line (for a skipped cell: why it was skipped)
 * @param header    crash report header lines of the deciding run
 * @param frames    top meaningful frames of the deciding run
 */
public record Diagnosis(
        String signal, boolean inCgo, String signature, String summary, List<String> header, List<String> frames) {

    public Diagnosis {
        header = List.copyOf(header == null ? List.of() : header);
        frames = List.copyOf(frames == null ? List.of() : frames);
    }

    /** Only a line of text: a skipped cell's reason. */
    public static Diagnosis note(String summary) {
        return new Diagnosis(null, false, null, summary, List.of(), List.of());
    }

    /** A failed build as the classifier read it (a build never faults in C code). */
    public static Diagnosis ofBuild(Classification k) {
        return new Diagnosis(k.signal(), false, k.signature(), k.summary(), k.header(), k.frames());
    }

    /**
     * The runs of a cell: the signal that goes with the cell's outcome (its first run's), the rest from the run that
     * decided the diagnosis (the first that did not pass, else the first).
     */
    public static Diagnosis ofRuns(Classification first, Classification deciding) {
        return new Diagnosis(
                first.signal(),
                deciding.inCgo(),
                deciding.signature(),
                deciding.summary(),
                deciding.header(),
                deciding.frames());
    }
}
