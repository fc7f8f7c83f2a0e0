package dev.m1go.cli;

import dev.m1go.app.Context;
import dev.m1go.core.Log;
import dev.m1go.settings.Frontend;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the use-case context of the command line (settings named as options, m1go's version
 * as the reports' tool), the log on standard error (standard output carries only what a command prints for pipes:
 * JSON lines, the issue body), and the exit code of a result.
 */
abstract class GoalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Also print the details a bug report needs (the debug lines).")
    boolean verbose;

    /** The command line as a front end. */
    static Frontend frontend() {
        return Frontend.commandLine(M1go.version());
    }

    /** This process's context, its log on the command's standard error. */
    Context context() {
        return context(System.getenv());
    }

    Context context(Map<String, String> environment) {
        return new Context(
                frontend(),
                environment,
                Path.of(System.getProperty("user.home")),
                Path.of(""),
                out(),
                new Terminal(
                        spec.commandLine().getErr(),
                        spec.commandLine().getColorScheme().ansi(),
                        verbose));
    }

    /** Standard output, where JSON lines and the issue body go. */
    PrintStream out() {
        return System.out;
    }

    /** Prints a run's warnings and its failure on standard error; the exit code: failing or success. */
    int exit(java.util.List<String> warnings, String failure) {
        PrintWriter err = spec.commandLine().getErr();
        Ansi ansi = spec.commandLine().getColorScheme().ansi();
        warnings.forEach(w -> err.println(ansi.string("@|yellow warning:|@ ") + w));
        if (failure != null) {
            err.println(ansi.string("@|bold,red m1go:|@ ") + failure);
        }
        err.flush();
        return failure == null ? ExitCodes.SUCCESS : ExitCodes.FAILING;
    }

    /** The log of the command line: lines on standard error, a warning marked (in yellow on a terminal). */
    static final class Terminal implements Log {
        private final PrintWriter err;
        private final Ansi ansi;
        private final boolean verbose;

        Terminal(PrintWriter err, Ansi ansi, boolean verbose) {
            this.err = err;
            this.ansi = ansi;
            this.verbose = verbose;
        }

        @Override
        public synchronized void info(String message) {
            err.println(message);
            err.flush();
        }

        @Override
        public synchronized void warn(String message) {
            err.println(ansi.string("@|yellow warning:|@ ") + message);
            err.flush();
        }

        @Override
        public synchronized void debug(String message) {
            if (verbose) {
                err.println(message);
                err.flush();
            }
        }
    }
}
