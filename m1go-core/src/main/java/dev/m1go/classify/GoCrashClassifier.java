package dev.m1go.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The classifier m1go uses: turns the evidence of a build or a run into one of the outcomes of DESIGN.md, with the
 * signal, whether the fault was in C, a summary, a signature, and the parsed crash header and frames.
 *
 * <p>Rules, in the order they apply:
 * <ol>
 * <li>{@code timedOut} is {@link Outcome#TIMEOUT}; a SIGQUIT goroutine dump, if any, gives the frames (and
 *     {@code inCgo} when the dump shows the program waiting in C).</li>
 * <li>A build with exit 0, and a run with exit 0 whose stdout holds the success marker as a line (or that has no
 *     marker to print), is {@link Outcome#PASS}.</li>
 * <li>Otherwise every piece of evidence in stderr and stdout is collected and the most specific wins, in the order
 *     of {@link Outcome#precedence()}: emulator faults, exec refusals, linker and compiler complaints (build phase
 *     only), the Go crash report, death by signal without a report ({@link Outcome#KILLED}), and finally
 *     {@link Outcome#EXIT_NONZERO} for a run or {@link Outcome#BUILD_ERROR} for a build.</li>
 * </ol>
 *
 * <p>Decisions the DESIGN table leaves open:
 * <ul>
 * <li>A run that exits 0 without printing its success marker did not do what the case wanted and shows no crash
 *     evidence: it is {@link Outcome#EXIT_NONZERO}, the catch-all for "failed without more specific evidence", with
 *     a summary that says exit 0 and the missing marker. It is not {@link Outcome#KILLED}: no signal was seen.</li>
 * <li>{@code qemu: uncaught target signal N} is an emulator fault when nothing else explains the death. When a Go
 *     crash report precedes it, the guest runtime died on purpose (with {@code GOTRACEBACK=crash} Go re-raises
 *     SIGABRT after printing its report) and the report decides.</li>
 * <li>Go 1.21 and later print {@code signal arrived during cgo execution} exactly when the signal hit C code: when
 *     the text shows such a runtime ({@code created by … in goroutine N}, {@code gp= m=}) and the marker is absent,
 *     the signal hit Go or runtime code, even if the crashing goroutine sits in {@code runtime.cgocall} (it may be
 *     on its way into or out of C).</li>
 * <li>Older reports may lack the marker for a signal in C code; when the crashing goroutine sits in
 *     {@code runtime.cgocall} or a {@code _Cfunc_} frame, the faulting PC decides, symbolized by the
 *     {@link PcLocator} given (against the cell's own binary); when it cannot tell, the signal is taken to have
 *     arrived while C code ran and the outcome is {@link Outcome#CGO_SIGNAL}.</li>
 * <li>A signal on an idle thread ({@code goroutine 0 [idle]} first) takes no other goroutine's frames: its signature
 *     says {@code idle thread}.</li>
 * <li>{@link Outcome#CGO_SIGNAL} is for synchronous fault signals (SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP,
 *     SIGSYS); a SIGQUIT or SIGTERM dump taken while C ran is {@link Outcome#GO_SIGNAL} with {@code inCgo}.</li>
 * <li>Rosetta's {@code rosetta error: failed to open elf at …} is an exec refusal (the ELF interpreter is missing,
 *     like qemu's {@code Could not open}); other {@code rosetta error:} lines are emulator faults.</li>
 * <li>A pasted log without an exit status and without evidence is {@link Outcome#EXIT_NONZERO}.</li>
 * <li>In a measured run, a refusal is {@link Outcome#EXEC_REFUSED} only when it is all the output: the measured binary
 *     itself never started. A refusal next to output of the program ({@code fork/exec …}, the parent's own lines) is
 *     about a child the program started: the rest of the evidence decides and the summary names the child's
 *     refusal.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; linear in the size of the text.
 */
public final class GoCrashClassifier implements Classifier {

    private static final Set<String> FAULT_SIGNALS =
            Set.of("SIGSEGV", "SIGBUS", "SIGABRT", "SIGILL", "SIGFPE", "SIGTRAP", "SIGSYS", "SIGEMT");

    /** Creates the classifier; it holds no state. */
    public GoCrashClassifier() {
    }

    @Override
    public Classification classify(Evidence evidence) {
        return classify(evidence, PcLocator.NONE);
    }

    /**
     * Classifies with a way to tell whether the faulting PC lies in C or Go code, for reports whose text leaves it
     * open.
     */
    public Classification classify(Evidence evidence, PcLocator locator) {
        Objects.requireNonNull(locator, "locator");
        List<String> lines = LogText.lines(text(evidence));
        GoCrashReport report = GoCrashReport.parse(lines, evidence.os());
        if (evidence.timedOut()) {
            return timeout(report);
        }
        if (passed(evidence)) {
            return pass(evidence);
        }
        List<Candidate> candidates = new ArrayList<>();
        String child = null;
        for (Finding f : TextMarkers.execution(lines, evidence.os())) {
            if (f.outcome() == Outcome.EXEC_REFUSED && isMeasuredRun(evidence) && !TextMarkers.ownRefusal(lines)) {
                child = f.text();
            } else if (!(isUncaughtTargetSignal(f) && report.present() && report.firstLine() < f.line())) {
                candidates.add(Candidate.of(f));
            }
        }
        if (evidence.phase() == Phase.BUILD) {
            for (Finding f : TextMarkers.build(lines)) {
                candidates.add(Candidate.of(f));
            }
        }
        Candidate go = fromReport(report, locator);
        if (go != null) {
            candidates.add(go);
        }
        Finding shell = TextMarkers.shellDeath(lines);
        if (shell != null) {
            candidates.add(Candidate.of(shell));
        }
        Candidate killed = killedByStatus(evidence);
        if (killed != null) {
            candidates.add(killed);
        }
        if (candidates.isEmpty()) {
            candidates.add(fallback(evidence));
        }
        Candidate best = candidates.stream()
                .min(Comparator.comparingInt((Candidate c) -> c.outcome().precedence()))
                .orElseThrow();
        if (child != null) {
            best = best.withSummary(best.summary() + "; a child process could not start: " + child);
        }
        return best.toClassification(report);
    }

    private static String text(Evidence e) {
        if (e.stdout().isEmpty()) {
            return e.stderr();
        }
        if (e.stderr().isEmpty()) {
            return e.stdout();
        }
        return e.stderr() + "\n" + e.stdout();
    }

    private static boolean passed(Evidence e) {
        if (e.exitCode() == null || e.exitCode() != 0 || Boolean.TRUE.equals(e.signaled())) {
            return false;
        }
        return e.phase() == Phase.BUILD || e.successMarker() == null
                || hasLine(e.markerOnStderr() ? e.stderr() : e.stdout(), e.successMarker());
    }

    /** True when {@code marker} is a whole line of {@code text} (ignoring surrounding whitespace). */
    static boolean hasLine(String text, String marker) {
        String m = marker.trim();
        int from = 0;
        while (true) {
            int i = text.indexOf(m, from);
            if (i < 0) {
                return false;
            }
            int start = text.lastIndexOf('\n', i) + 1;
            int end = text.indexOf('\n', i);
            end = end < 0 ? text.length() : end;
            if (text.substring(start, end).trim().equals(m)) {
                return true;
            }
            from = i + 1;
        }
    }

    private static Classification pass(Evidence e) {
        String summary = e.phase() == Phase.BUILD ? "build succeeded"
                : e.successMarker() == null ? "exit 0" : "exit 0, success marker printed";
        return new Classification(Outcome.PASS, null, false, summary, null, List.of(), List.of());
    }

    private static Classification timeout(GoCrashReport r) {
        boolean inCgo = r.cgoMarker() || r.cgoCall();
        String summary = "time limit ran out"
                + (r.present() ? "; goroutine dump: " + r.header().get(0) : "")
                + (r.frames().isEmpty() ? "" : " in " + r.frames().get(0))
                + (inCgo ? " (waiting in C)" : "");
        return new Classification(Outcome.TIMEOUT, r.signal(), inCgo, summary,
                Signatures.of(Outcome.TIMEOUT, null, null, r.frames()), r.header(), r.frames());
    }

    /** A run m1go measured itself (with an exit status), as opposed to a pasted log or a build. */
    private static boolean isMeasuredRun(Evidence e) {
        return e.phase() == Phase.RUN && e.exitCode() != null;
    }

    private static boolean isUncaughtTargetSignal(Finding f) {
        return f.outcome() == Outcome.EMULATOR_FAULT && f.text().contains("qemu: uncaught target signal");
    }

    private static Candidate fromReport(GoCrashReport r, PcLocator locator) {
        if (!r.present()) {
            return null;
        }
        boolean inC = r.cgoMarker() || (r.cgoCall() && inCallInC(r, locator));
        String where = r.idleThread() ? " on an idle thread (goroutine 0)"
                : r.frames().isEmpty() ? "" : " in " + r.frames().get(0);
        if (r.cgoCheck()) {
            String line = firstHeader(r, "panic: ", "fatal error: ");
            String reason = r.isPanic() && GoCrashReport.isCgoCheckMessage(r.panicMessage())
                    ? r.panicMessage() : r.fatalMessage();
            return new Candidate(Outcome.CGO_CHECK, null, false, line + where, reason, r.header());
        }
        if (r.panicMessage() != null && r.panicMessage().startsWith("test timed out after")) {
            return new Candidate(Outcome.TIMEOUT, null, inC, "panic: " + r.panicMessage() + where, null, r.header());
        }
        if (r.signalReport()) {
            boolean cgo = inC && r.signal() != null && FAULT_SIGNALS.contains(r.signal());
            String line = firstHeader(r, "SIG", "[signal ", "unexpected fault address", "fatal error: ");
            String summary = line + (r.cgoMarker() ? " (signal arrived during cgo execution)" : "") + where;
            return new Candidate(cgo ? Outcome.CGO_SIGNAL : Outcome.GO_SIGNAL, r.signal(), inC, summary, null,
                    r.header());
        }
        if (r.fatalMessage() != null) {
            return new Candidate(Outcome.GO_FATAL, r.signal(), inC, "fatal error: " + r.fatalMessage() + where,
                    r.fatalMessage(), r.header());
        }
        if (r.panicMessage() != null) {
            String line = r.panicMessage().equals("panic during panic") ? "panic during panic"
                    : "panic: " + r.panicMessage();
            return new Candidate(Outcome.GO_PANIC, r.signal(), false, line + where, r.panicMessage(), r.header());
        }
        return null;
    }

    /** Without the cgo marker, a goroutine in a cgo call was in C unless a Go 1.21+ runtime or the PC says not. */
    private static boolean inCallInC(GoCrashReport r, PcLocator locator) {
        if (r.signalReport() && r.modernGo()) {
            return false;
        }
        if (r.signalReport() && r.pc() != null) {
            Boolean c = locator.inC(r.pc(), r.framePcs());
            if (c != null) {
                return c;
            }
        }
        return true;
    }

    private static String firstHeader(GoCrashReport r, String... prefixes) {
        for (String p : prefixes) {
            for (String h : r.header()) {
                if (h.startsWith(p)) {
                    return h;
                }
            }
        }
        return r.header().get(0);
    }

    private static Candidate killedByStatus(Evidence e) {
        Integer code = e.exitCode();
        if (code == null || Boolean.FALSE.equals(e.signaled())) {
            return null;
        }
        int number;
        if (Boolean.TRUE.equals(e.signaled())) {
            number = code > 128 ? code - 128 : code;
        } else if (code > 128 && code <= 128 + 64) {
            number = code - 128;
        } else {
            return null;
        }
        String name = Signals.name(e.os(), number);
        if (name == null && !Boolean.TRUE.equals(e.signaled())) {
            return null;
        }
        String what = name != null ? name : "signal " + number + " (unknown on " + e.os() + ")";
        return new Candidate(Outcome.KILLED, name, false,
                "died by " + what + " (exit status " + code + ") with no Go crash report", null, List.of());
    }

    private static Candidate fallback(Evidence e) {
        Integer code = e.exitCode();
        if (e.phase() == Phase.BUILD) {
            String status = code == null ? "" : " (exit status " + code + ")";
            return new Candidate(Outcome.BUILD_ERROR, null, false,
                    "build failed" + status + " without a recognized compiler or linker message", null, List.of());
        }
        if (code == null) {
            return new Candidate(Outcome.EXIT_NONZERO, null, false,
                    "no crash evidence in the text and no exit status", null, List.of());
        }
        if (code == 0) {
            return new Candidate(Outcome.EXIT_NONZERO, null, false,
                    "exit 0 without the success marker: the program stopped before it finished",
                    "exit 0 without success marker", List.of());
        }
        return new Candidate(Outcome.EXIT_NONZERO, null, false, "exit status " + code + " with no crash report",
                "exit " + code, List.of());
    }

    /** One outcome argued for by the evidence, with what the classification needs. */
    private record Candidate(Outcome outcome, String signal, boolean inCgo, String summary, String reason,
                             List<String> header) {

        Candidate withSummary(String text) {
            return new Candidate(outcome, signal, inCgo, text, reason, header);
        }

        static Candidate of(Finding f) {
            return new Candidate(f.outcome(), f.signal(), false, f.text(), f.text(), List.of(f.text()));
        }

        Classification toClassification(GoCrashReport r) {
            boolean goOutcome = switch (outcome) {
                case CGO_CHECK, CGO_SIGNAL, GO_SIGNAL, GO_FATAL, GO_PANIC, TIMEOUT -> true;
                default -> false;
            };
            List<String> frames = goOutcome ? r.frames() : List.of();
            List<String> shownHeader = header.isEmpty() && goOutcome ? r.header() : header;
            String sig = Signatures.of(outcome, signal, reason, frames);
            if (goOutcome && r.idleThread()) {
                sig = sig + " | idle thread";
            }
            return new Classification(outcome, signal, inCgo, summary, sig, shownHeader, frames);
        }
    }
}
