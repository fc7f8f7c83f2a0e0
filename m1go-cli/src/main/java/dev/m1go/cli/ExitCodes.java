package dev.m1go.cli;

/**
 * The exit status of {@code m1go}, the same for every subcommand, so a script or CI step can tell "measured, and it
 * fails" from "measured nothing":
 *
 * <table>
 *   <caption>Exit status</caption>
 *   <tr><th>Code</th><th>Meaning</th></tr>
 *   <tr><td>{@value #SUCCESS}</td><td>Success: the run measured what it was asked to and nothing fails it.</td></tr>
 *   <tr><td>{@value #FAILING}</td><td>Failing cells or findings: the run measured something that fails it (a
 *       cell, a regression against a baseline, a doctor finding). Only a subcommand that finished returns it.</td>
 *   </tr>
 *   <tr><td>{@value #USAGE}</td><td>Usage error, nothing was measured: an unknown option or subcommand, a bad value,
 *       a missing argument (picocli's {@code ParameterException}), or something else the user must change
 *       ({@link dev.m1go.core.UserError}). The message says what; no stack trace.</td></tr>
 *   <tr><td>{@value #ENVIRONMENT}</td><td>Environment error, the run could not finish: an I/O failure, a tool missing
 *       on the machine. Also any unexpected exception, which is printed with its stack trace: that is a defect in
 *       m1go, and like an environment error it leaves no verdict on the code under test (it must not read as
 *       {@value #FAILING}, "measured and failing").</td></tr>
 *   <tr><td>{@value #INTERRUPTED}</td><td>Interrupted (Ctrl-C, SIGTERM): 128 + SIGINT, as a shell reports it.</td>
 *   </tr>
 * </table>
 *
 * <p>A CI step that must only fail on real findings fails on {@value #FAILING} and treats every other non-zero
 * status as "no result".
 */
public final class ExitCodes {
    /** The run measured what it was asked to and nothing fails it; also {@code --help} and {@code --version}. */
    public static final int SUCCESS = 0;
    /** The run finished and measured something that fails it: failing cells, a regression, a failing finding. */
    public static final int FAILING = 1;
    /** Nothing was measured because of the invocation or its input: the user must change something. */
    public static final int USAGE = 2;
    /** The run could not finish on this machine: I/O failure, missing tool; also an unexpected exception. */
    public static final int ENVIRONMENT = 3;
    /** The run was interrupted (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
