package dev.m1go.matrix;

import dev.m1go.classify.Classification;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Signatures;

/**
 * A run that reached its memory limit ({@code m1go.memoryLimitMb}) is {@link Outcome#KILLED}: the limit ended it, as
 * the time limit ends a {@link Outcome#TIMEOUT}, whatever the way the limit was enforced. Where a cgroup or the
 * container engine enforced it, the kernel's OOM killer sent SIGKILL and the classifier read {@code KILLED SIGKILL}
 * already; where only the address space was limited, the Go runtime printed {@code fatal error: out of memory} and
 * exited 2, which alone would read {@code GO_FATAL}. Either way the summary starts with the reason, naming the limit,
 * and the signature is the same ({@code KILLED memory limit}), so one program stopped by the limit clusters as one
 * failure on every machine. The crash report's header and frames, if any, are kept.
 */
final class MemoryLimitHit {

    static final String SIGNATURE = Signatures.of(Outcome.KILLED, null, "memory limit", null);

    private MemoryLimitHit() {}

    /** {@code k}, or KILLED with {@code reason} when the run reached its memory limit ({@code reason} not null). */
    static Classification apply(Classification k, String reason) {
        if (reason == null) {
            return k;
        }
        String signal = k.outcome() == Outcome.KILLED ? k.signal() : null;
        String summary = k.summary().isEmpty() ? reason : reason + "; " + k.summary();
        return new Classification(Outcome.KILLED, signal, false, summary, SIGNATURE, k.header(), k.frames());
    }
}
