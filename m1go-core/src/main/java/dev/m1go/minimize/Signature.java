package dev.m1go.minimize;

import dev.m1go.classify.Outcome;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import dev.m1go.stats.FailureRate;
import dev.m1go.stats.Statistics;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The failure a reduction keeps: the outcome, its signal and its site (the fault arrived in C code or in Go), as the
 * failing cell first showed them; the frames are kept for the record only (a reduction may remove a caller).
 *
 * <p>A failure without a signal (a non-zero exit, a Go panic or fatal error, a failed cgo check) also keeps its
 * <em>cause</em>: the line {@link dev.m1go.report.FailureCause} reads (the failing test's own message, the panic
 * line, the last line the program wrote), with addresses, line numbers and times taken out. Without it, any exit 1
 * would do: unwrapping {@code if got != want { t.Fatal(…) }} makes the test fail unconditionally, and the reduction
 * would walk from the user's failure to a one-line {@code t.Fatal}. Timeouts and kills keep no cause (their last
 * lines are a goroutine dump or nothing).
 *
 * @param cause the normalised cause ({@link #normalise}), or {@code null}: not compared
 */
record Signature(Outcome outcome, String signal, boolean inC, List<String> frames, String cause) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern SOURCE_LINE = Pattern.compile("[\\w.+-]+\\.(go|c|h|cc|cpp|s|S):\\d+(:\\d+)?");
    private static final Pattern NUMBERED = Pattern.compile("\\b(goroutine|thread|pid|tid) \\d+");
    private static final Pattern TIME = Pattern.compile("\\(\\d+(\\.\\d+)?(ns|µs|us|ms|s|m)\\)");

    Signature {
        Objects.requireNonNull(outcome, "outcome");
        frames = List.copyOf(frames == null ? List.of() : frames);
        cause = keepsCause(outcome, signal) ? cause : null;
    }

    Signature(Outcome outcome, String signal, boolean inC, List<String> frames) {
        this(outcome, signal, inC, frames, null);
    }

    /** Whether a failure of this kind keeps its cause: one without a signal that is neither a timeout nor a kill. */
    static boolean keepsCause(Outcome outcome, String signal) {
        return signal == null
                && !outcome.isPass()
                && outcome != Outcome.TIMEOUT
                && outcome != Outcome.KILLED
                && outcome != Outcome.SKIPPED
                && !outcome.isBuildFailure();
    }

    /**
     * A cause line without what changes from build to build or run to run: addresses, {@code file.go:12} positions
     * (a reduction moves lines, and a module's test files are renamed), goroutine and thread numbers, test times.
     */
    static String normalise(String cause) {
        if (cause == null || cause.isBlank()) {
            return null;
        }
        String s = ADDRESS.matcher(cause).replaceAll("0x…");
        s = SOURCE_LINE.matcher(s).replaceAll("…");
        s = NUMBERED.matcher(s).replaceAll("$1 …");
        s = TIME.matcher(s).replaceAll("(…)");
        return s.strip();
    }

    /** The failure of a cell's deciding run and its cause as {@link dev.m1go.report.FailureCause} reads it. */
    static Signature of(CellResult c, String cause) {
        Signature s = of(c);
        return new Signature(s.outcome, s.signal, s.inC, s.frames, normalise(cause));
    }

    /** The failure of a cell's deciding run (its first failing one). */
    static Signature of(CellResult c) {
        Outcome o = c.outcome();
        String signal = c.signal();
        if (o == Outcome.PASS) {
            RunResult failing = c.runs().stream()
                    .filter(r -> r.outcome() != Outcome.PASS)
                    .findFirst()
                    .orElse(null);
            if (failing != null) {
                o = failing.outcome();
                signal = failing.signal();
            }
        }
        return new Signature(o, signal, c.diagnosis().inCgo(), c.diagnosis().frames());
    }

    /** {@code CGO_SIGNAL SIGSEGV in C}, or {@code EXIT_NONZERO in Go ("TestX: want 42")} with a cause. */
    String describe() {
        return outcome
                + (signal == null ? "" : " " + signal)
                + (outcome.isPass() ? "" : inC ? " in C" : " in Go")
                + (cause == null ? "" : " (\"" + cause + "\")");
    }

    /**
     * How many of the cell's runs failed this way, its deciding run's cause ({@code causeOf}, as read before
     * normalising) included: none when the cause differs.
     */
    int matching(CellResult c, String causeOf) {
        int k = matching(c);
        return k > 0 && cause != null && !cause.equals(normalise(causeOf)) ? 0 : k;
    }

    /** How many of the cell's runs failed this way (none when the cell's fault site differs). */
    int matching(CellResult c) {
        if (c.outcome().isBuildFailure() || c.outcome() == Outcome.SKIPPED) {
            return 0;
        }
        int k;
        if (!c.outcomeCounts().isEmpty()) {
            k = c.outcomeCounts().getOrDefault(outcome.name() + (signal == null ? "" : " " + signal), 0);
        } else {
            k = (int) c.runs().stream()
                    .filter(r -> r.outcome() == outcome && Objects.equals(r.signal(), signal))
                    .count();
        }
        // The site comes from the cell's deciding run (its first failing one); when that run failed another way it
        // says nothing about the runs that failed this way.
        String deciding = c.diagnosis().signature();
        boolean decidedByThis = deciding == null || deciding.startsWith(outcome.name());
        return k > 0 && decidedByThis && c.diagnosis().inCgo() != inC ? 0 : k;
    }

    /**
     * Whether a candidate's cell still fails this way: every run for a failure that never passed, else (an
     * intermittent one) every other run passed and the lower bound of the 95 % Wilson interval of the share of
     * matching runs lies above {@code threshold}.
     */
    boolean keptBy(CellResult c, boolean intermittent, double threshold) {
        return keptBy(c, null, intermittent, threshold);
    }

    /** {@link #keptBy(CellResult, boolean, double)} with the cell's cause compared too ({@link #matching(CellResult, String)}). */
    boolean keptBy(CellResult c, String causeOf, boolean intermittent, double threshold) {
        int n = c.runCount();
        int k = cause == null ? matching(c) : matching(c, causeOf);
        if (n == 0 || k == 0) {
            return false;
        }
        if (!intermittent) {
            return k == n;
        }
        if (c.failures() != k) {
            return false; // some runs failed another way: not the same intermittent failure
        }
        FailureRate rate = Statistics.wilson(k, n);
        return rate.low() > threshold;
    }

    /** Whether a native reference cell still passes: built, and every run passed. */
    static boolean passes(CellResult c) {
        return c.outcome() == Outcome.PASS && c.failures() == 0 && c.runCount() > 0;
    }
}
