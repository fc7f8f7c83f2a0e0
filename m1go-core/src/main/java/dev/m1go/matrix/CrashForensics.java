package dev.m1go.matrix;

import dev.m1go.binary.BinaryFacts;
import dev.m1go.binary.CFrame;
import dev.m1go.binary.CSymbolizer;
import dev.m1go.classify.Classification;
import dev.m1go.classify.CrashAddresses;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.PcLocator;
import dev.m1go.classify.Signatures;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine learns about a cell beyond its outcome: whether the built binary is of the target's machine, and
 * for a crash in C its C frames, symbolized against the cell's own binary, with the C function in the signature and
 * {@code crashed in …} in the summary.
 */
final class CrashForensics {

    private final Map<String, String> environment;
    private final ProcessRunner processes;
    private final Arch hostArch;
    private final Path symbols;

    /**
     * One run's C frames and the classification they sharpen.
     *
     * @param classification the run's classification, with the C function in its signature and the crash line in its
     *                       summary when the frames name one
     * @param frames         the C frames, innermost first; empty when the run did not crash in C
     * @param note           why frames are missing, or how addresses were translated; null when nothing to say
     */
    record Examined(Classification classification, List<CFrame> frames, String note) {}

    /** @param symbols where the symbolizer's answers are kept between runs; null to ask the tool every time */
    CrashForensics(Map<String, String> environment, ProcessRunner processes, Arch hostArch, Path symbols) {
        this.symbols = symbols;
        this.environment = Map.copyOf(environment);
        this.processes = processes;
        this.hostArch = hostArch;
    }

    /**
     * Why the cell cannot stand as a result: the binary holds code for another machine than its target (an engine
     * error: m1go built the wrong thing). Null when the machine matches or is unknown.
     */
    static String machineMismatch(BuildInfo build, Platform target) {
        BinaryFacts f = build == null ? null : build.binaryFacts();
        if (f == null
                || f.machines().isEmpty()
                || f.machines().contains(target.arch().goarch())) {
            return null;
        }
        return "engine error: the built binary " + f.file() + " is " + String.join(", ", f.machines())
                + " code but the cell's target is " + target + "; the cell was not run";
    }

    /** Tells C from Go code at a PC by the binary's symbol table. */
    static PcLocator locator(Path binary) {
        return CSymbolizer.locator(binary);
    }

    /** The C frames of a run that crashed in C; the classification unchanged for any other run. */
    Examined examine(
            Classification k, PcLocator locator, Path binary, Arch target, String os, String stderr, Path logDir) {
        if (k.outcome() != Outcome.CGO_SIGNAL && k.outcome() != Outcome.GO_SIGNAL) {
            return new Examined(k, List.of(), null);
        }
        CrashAddresses a = CrashAddresses.of(stderr, os);
        if (k.outcome() == Outcome.GO_SIGNAL
                && (a.pc() == null || !Boolean.TRUE.equals(locator.inC(a.pc(), a.goFrames())))) {
            return new Examined(k, List.of(), null);
        }
        CSymbolizer.Result r =
                new CSymbolizer(environment, processes, hostArch, logDir, symbols).symbolize(binary, target, a);
        String function = r.frames().stream()
                .map(CFrame::function)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        String line = r.summary();
        Classification sharpened = new Classification(
                k.outcome(),
                k.signal(),
                k.inCgo(),
                line == null ? k.summary() : k.summary() + "; " + line,
                Signatures.withCFunction(k.signature(), function),
                k.header(),
                k.frames());
        return new Examined(sharpened, r.frames(), r.note());
    }
}
