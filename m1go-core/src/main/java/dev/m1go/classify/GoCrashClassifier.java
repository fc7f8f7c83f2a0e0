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
 * <li>{@code qemu: uncaught target signal N} is an emulator fault and, by the ranking, wins over Go crash output
 *     around it (a translated compiler crashing while another one prints its report). One exception: SIGABRT after
 *     a Go crash report is the guest runtime dying on purpose (with {@code GOTRACEBACK=crash} Go raises SIGABRT
 *     after printing its report), and the report decides.</li>
 * <li>A macOS crash report (text or {@code .ips}) is read by {@link AppleCrashReport}; a Windows exception report
 *     ({@code Exception 0xc0000005 …}, {@code signal arrived during external code execution}) is Go's report on
 *     Windows and reads like the others, GOOS windows named in the summary.</li>
 * <li>gccgo's traceback with the signal frames directly on unknown (C) frames under a {@code _Cfunc_} frame is a
 *     signal in C during a cgo call.</li>
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
 * <li>A pasted log without an exit status and without decisive evidence is {@link Outcome#PASS} when it ends with
 *     {@code go test}'s own success summary ({@code PASS}, {@code ok  pkg 3.3s}) or holds only linker and compiler
 *     warnings (then with {@link Confidence#MEDIUM}, naming the warnings), else {@link Outcome#EXIT_NONZERO} with
 *     {@link Confidence#LOW} and a sentence saying what the text holds.</li>
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
    public GoCrashClassifier() {}

    @Override
    public Classification classify(Evidence evidence) {
        return classify(evidence, PcLocator.NONE);
    }

    /**
     * Classifies with a way to tell whether the faulting PC lies in C or Go code, for reports whose text leaves it
     * open.
     */
    public Classification classify(Evidence evidence, PcLocator locator) {
        return read(evidence, locator).classification();
    }

    @Override
    public Reading read(Evidence evidence) {
        return read(evidence, PcLocator.NONE);
    }

    /** Classifies and says what the outcome rests on (see {@link Reading}). */
    public Reading read(Evidence evidence, PcLocator locator) {
        Objects.requireNonNull(locator, "locator");
        NormalizedLog log = LogText.normalize(text(evidence));
        List<String> lines = log.lines();
        GoCrashReport report = GoCrashReport.parse(lines, evidence.os());
        if (evidence.timedOut()) {
            return reading(
                    timeout(report),
                    Confidence.HIGH,
                    "The time limit ran out (m1go stopped the process).",
                    report.headerLines(),
                    log);
        }
        if (passed(evidence)) {
            return reading(pass(evidence), Confidence.HIGH, "The exit status and output show success.", List.of(), log);
        }
        List<Candidate> candidates = new ArrayList<>();
        String child = null;
        for (Finding f : TextMarkers.execution(lines, evidence.os())) {
            if (f.outcome() == Outcome.EXEC_REFUSED && isMeasuredRun(evidence) && !TextMarkers.ownRefusal(lines)) {
                child = f.text();
            } else if (!(isUncaughtTargetSignal(f)
                    && "SIGABRT".equals(f.signal())
                    && report.present()
                    && report.firstLine() < f.line())) {
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
        AppleCrashReport apple = AppleCrashReport.read(lines);
        if (apple != null) {
            candidates.add(new Candidate(
                    apple.outcome(),
                    apple.signal(),
                    apple.inCgo(),
                    apple.summary(),
                    null,
                    List.of(),
                    apple.lines(),
                    apple.frames()));
        }
        Finding shell = TextMarkers.shellDeath(lines);
        if (shell != null) {
            candidates.add(Candidate.of(shell));
        }
        Finding system = TextMarkers.systemKill(lines);
        if (system != null) {
            candidates.add(Candidate.of(system));
        }
        Candidate killed = killedByStatus(evidence);
        if (killed != null) {
            candidates.add(killed);
        }
        if (candidates.isEmpty()) {
            return undecided(evidence, lines, report, log, child);
        }
        Candidate best = candidates.stream()
                .min(Comparator.comparingInt((Candidate c) -> c.outcome().precedence()))
                .orElseThrow();
        if (child != null) {
            best = best.withSummary(best.summary() + "; a child process could not start: " + child);
        }
        String decided = best.lines().isEmpty()
                ? "Decided by the process facts: " + best.summary() + "."
                : "Decided by line " + (log.originOf(best.lines().get(0)) + 1) + ": "
                        + abbreviate(lines.get(best.lines().get(0)).trim()) + "";
        return reading(best.toClassification(report), Confidence.HIGH, decided, best.lines(), log);
    }

    private static Reading reading(
            Classification c, Confidence confidence, String assessment, List<Integer> at, NormalizedLog log) {
        List<EvidenceLine> evidence = new ArrayList<>();
        for (int i : at.stream().distinct().sorted().toList()) {
            int origin = log.originOf(i);
            if (origin >= 0 && evidence.size() < 6) {
                evidence.add(new EvidenceLine(origin + 1, log.lines().get(i).trim()));
            }
        }
        return new Reading(c, confidence, assessment, evidence, log.notes());
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    /**
     * No decisive line and no process fact decided: the fallback outcome with an honest account. A log with only a
     * go test success summary or only warnings is not a failure; a build or run with an exit status keeps the
     * outcome its status gives; anything else says what the text holds and that it decides nothing.
     */
    private static Reading undecided(
            Evidence e, List<String> lines, GoCrashReport report, NormalizedLog log, String child) {
        Candidate fallback = fallback(e);
        if (child != null) {
            fallback = fallback.withSummary(fallback.summary() + "; a child process could not start: " + child);
        }
        if (e.exitCode() != null) {
            return reading(
                    fallback.toClassification(report),
                    Confidence.HIGH,
                    "The exit status decides: " + fallback.summary() + ".",
                    List.of(),
                    log);
        }
        int testPass = TestSummary.passLine(lines);
        if (testPass >= 0) {
            String line = lines.get(testPass).trim();
            Classification c = new Classification(
                    Outcome.PASS, null, false, "go test reported success: " + line, null, List.of(), List.of());
            return reading(
                    c, Confidence.HIGH, "go test's own summary says the tests passed: " + line, List.of(testPass), log);
        }
        int testFail = TestSummary.failLine(lines);
        if (testFail >= 0) {
            String line = lines.get(testFail).trim();
            Classification c = new Classification(
                    Outcome.EXIT_NONZERO,
                    null,
                    false,
                    "go test reported a failure with no crash report: " + line,
                    "EXIT_NONZERO go test FAIL",
                    List.of(),
                    List.of());
            return reading(
                    c,
                    Confidence.HIGH,
                    "go test's own summary says it failed, without a crash report: " + line,
                    List.of(testFail),
                    log);
        }
        List<Finding> warnings = TextMarkers.warnings(lines, 3);
        if (!warnings.isEmpty()) {
            String first = abbreviate(warnings.get(0).text());
            Classification c = new Classification(
                    Outcome.PASS,
                    null,
                    false,
                    "warnings only (" + first + (warnings.size() > 1 ? " and more" : "") + "), no failure line",
                    null,
                    List.of(),
                    List.of());
            return reading(
                    c,
                    Confidence.MEDIUM,
                    "Only linker or compiler warnings and no failure line: a build that "
                            + "warns still succeeds, but the exit status was not given.",
                    warnings.stream().map(Finding::line).toList(),
                    log);
        }
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        String saw = TestSummary.describe(lines, report);
        Classification c = fallback.toClassification(report);
        return reading(
                c,
                Confidence.LOW,
                "No decisive line in " + nonBlank + " non-blank line" + (nonBlank == 1 ? "" : "s")
                        + " and no exit status: " + saw + ", so " + c.outcome() + " is only the catch-all.",
                List.of(),
                log);
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
        return e.phase() == Phase.BUILD
                || e.successMarker() == null
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
        String summary = e.phase() == Phase.BUILD
                ? "build succeeded"
                : e.successMarker() == null ? "exit 0" : "exit 0, success marker printed";
        return new Classification(Outcome.PASS, null, false, summary, null, List.of(), List.of());
    }

    private static Classification timeout(GoCrashReport r) {
        boolean inCgo = r.cgoMarker() || r.cgoCall();
        String summary = "time limit ran out"
                + (r.present() ? "; goroutine dump: " + r.header().get(0) : "")
                + (r.frames().isEmpty() ? "" : " in " + r.frames().get(0))
                + (inCgo ? " (waiting in C)" : "");
        return new Classification(
                Outcome.TIMEOUT,
                r.signal(),
                inCgo,
                summary,
                Signatures.of(Outcome.TIMEOUT, null, null, r.frames()),
                r.header(),
                r.frames());
    }

    /** A run m1go measured itself (with an exit status), as opposed to a pasted log or a build. */
    private static boolean isMeasuredRun(Evidence e) {
        return e.phase() == Phase.RUN && e.exitCode() != null;
    }

    private static boolean isUncaughtTargetSignal(Finding f) {
        return f.outcome() == Outcome.EMULATOR_FAULT && f.text().contains("qemu: uncaught target signal");
    }

    private static Candidate fromReport(GoCrashReport r, PcLocator locator) {
        Candidate c = fromReportLines(r, locator);
        return c == null ? null : c.at(r.headerLines());
    }

    private static Candidate fromReportLines(GoCrashReport r, PcLocator locator) {
        if (!r.present()) {
            return null;
        }
        boolean inC = r.cgoMarker() || r.cFramesInCall() || (r.cgoCall() && inCallInC(r, locator));
        String where = r.idleThread()
                ? " on an idle thread (goroutine 0)"
                : r.frames().isEmpty() ? "" : " in " + r.frames().get(0);
        if (r.cgoCheck()) {
            String line = firstHeader(r, "panic: ", "fatal error: ");
            String reason = r.isPanic() && GoCrashReport.isCgoCheckMessage(r.panicMessage())
                    ? r.panicMessage()
                    : r.fatalMessage();
            return new Candidate(Outcome.CGO_CHECK, null, false, line + where, reason, r.header());
        }
        if (r.panicMessage() != null && r.panicMessage().startsWith("test timed out after")) {
            return new Candidate(Outcome.TIMEOUT, null, inC, "panic: " + r.panicMessage() + where, null, r.header());
        }
        if (r.signalReport()) {
            boolean cgo = inC && r.signal() != null && FAULT_SIGNALS.contains(r.signal());
            String line =
                    firstHeader(r, "SIG", "Exception 0x", "[signal ", "unexpected fault address", "fatal error: ");
            String marker = r.windowsException() != null
                    ? " (Windows exception " + r.windowsException() + ", GOOS windows"
                            + (r.cgoMarker() ? ": signal arrived during external code execution)" : ")")
                    : r.cgoMarker()
                            ? " (signal arrived during cgo execution)"
                            : r.cFramesInCall() ? " (gccgo: signal frames on unknown C frames under a cgo call)" : "";
            String summary = line + marker + where;
            return new Candidate(
                    cgo ? Outcome.CGO_SIGNAL : Outcome.GO_SIGNAL, r.signal(), inC, summary, null, r.header());
        }
        if (r.fatalMessage() != null) {
            return new Candidate(
                    Outcome.GO_FATAL,
                    r.signal(),
                    inC,
                    "fatal error: " + r.fatalMessage() + where,
                    r.fatalMessage(),
                    r.header());
        }
        if (r.panicMessage() != null) {
            String line =
                    r.panicMessage().equals("panic during panic") ? "panic during panic" : "panic: " + r.panicMessage();
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
        return new Candidate(
                Outcome.KILLED,
                name,
                false,
                "died by " + what + " (exit status " + code + ") with no Go crash report",
                null,
                List.of());
    }

    private static Candidate fallback(Evidence e) {
        Integer code = e.exitCode();
        if (e.phase() == Phase.BUILD) {
            String status = code == null ? "" : " (exit status " + code + ")";
            return new Candidate(
                    Outcome.BUILD_ERROR,
                    null,
                    false,
                    "build failed" + status + " without a recognized compiler or linker message",
                    null,
                    List.of());
        }
        if (code == null) {
            return new Candidate(
                    Outcome.EXIT_NONZERO,
                    null,
                    false,
                    "no crash evidence in the text and no exit status",
                    null,
                    List.of());
        }
        if (code == 0) {
            return new Candidate(
                    Outcome.EXIT_NONZERO,
                    null,
                    false,
                    "exit 0 without the success marker: the program stopped before it finished",
                    "exit 0 without success marker",
                    List.of());
        }
        return new Candidate(
                Outcome.EXIT_NONZERO,
                null,
                false,
                "exit status " + code + " with no crash report",
                "exit " + code,
                List.of());
    }

    /**
     * One outcome argued for by the evidence, with what the classification needs: the lines (indices into the
     * normalised lines) it rests on and, for a report of its own (an Apple crash report), its frames.
     */
    private record Candidate(
            Outcome outcome,
            String signal,
            boolean inCgo,
            String summary,
            String reason,
            List<String> header,
            List<Integer> lines,
            List<String> ownFrames) {

        Candidate(Outcome outcome, String signal, boolean inCgo, String summary, String reason, List<String> header) {
            this(outcome, signal, inCgo, summary, reason, header, List.of(), null);
        }

        Candidate {
            lines = List.copyOf(lines);
        }

        Candidate withSummary(String text) {
            return new Candidate(outcome, signal, inCgo, text, reason, header, lines, ownFrames);
        }

        Candidate at(List<Integer> at) {
            return new Candidate(outcome, signal, inCgo, summary, reason, header, at, ownFrames);
        }

        static Candidate of(Finding f) {
            return new Candidate(
                    f.outcome(), f.signal(), false, f.text(), f.text(), List.of(f.text()), List.of(f.line()), null);
        }

        Classification toClassification(GoCrashReport r) {
            boolean goOutcome = switch (outcome) {
                case CGO_CHECK, CGO_SIGNAL, GO_SIGNAL, GO_FATAL, GO_PANIC, TIMEOUT -> true;
                default -> false;
            };
            if (ownFrames != null) {
                return new Classification(
                        outcome,
                        signal,
                        inCgo,
                        summary,
                        Signatures.of(outcome, signal, null, ownFrames),
                        List.of(summary),
                        ownFrames);
            }
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
