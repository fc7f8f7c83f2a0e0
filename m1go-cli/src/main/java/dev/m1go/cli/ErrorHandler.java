package dev.m1go.cli;

import dev.m1go.app.EnvironmentError;
import dev.m1go.core.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what stops a command into a message on standard error and an {@link ExitCodes exit status}. Only a defect
 * (an exception none of the rules below expects) shows a stack trace; everything else is one {@code m1go: } line
 * the user can act on.
 *
 * <ul>
 *   <li>Command line not understood ({@link ParameterException}): picocli's message, which names the option or
 *       argument, its suggestions for a misspelt one ("Did you mean", "Possible solutions"), and
 *       {@code Try 'm1go <command> --help'}; {@link ExitCodes#USAGE}.</li>
 *   <li>{@link UserError}: its message; {@link ExitCodes#USAGE}.</li>
 *   <li>{@link InterruptedException}, {@link ClosedByInterruptException}: {@link ExitCodes#INTERRUPTED}; the
 *       thread's interrupt status is set again.</li>
 *   <li>{@link IOException}, {@link UncheckedIOException}: its message; {@link ExitCodes#ENVIRONMENT}.</li>
 *   <li>Anything else: the stack trace; {@link ExitCodes#ENVIRONMENT}, since it leaves no verdict either.</li>
 * </ul>
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String PREFIX = "m1go: ";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(PREFIX + ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.printf(
                "Try '%s --help' for more information.%n", cmd.getCommandSpec().qualifiedName());
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        try {
            if (ex instanceof UserError) {
                err.println(PREFIX + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof EnvironmentError env) {
                err.println(PREFIX + env.getMessage());
                return env.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.ENVIRONMENT;
            }
            if (ex instanceof InterruptedException || ex instanceof ClosedByInterruptException) {
                Thread.currentThread().interrupt();
                err.println(PREFIX + "interrupted" + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
                return ExitCodes.INTERRUPTED;
            }
            if (ex instanceof IOException io) {
                err.println(PREFIX + describe(io));
                return ExitCodes.ENVIRONMENT;
            }
            if (ex instanceof UncheckedIOException unchecked) {
                err.println(PREFIX + describe(unchecked.getCause()));
                return ExitCodes.ENVIRONMENT;
            }
            err.println(PREFIX + "unexpected error, a defect in m1go; please report it with this trace:");
            ex.printStackTrace(err);
            return ExitCodes.ENVIRONMENT;
        } finally {
            err.flush();
        }
    }

    /**
     * The message of an I/O failure, with its kind where the message alone would not say it: a
     * {@link java.nio.file.NoSuchFileException}'s message is only the path.
     */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            return e.getClass().getSimpleName() + ": " + message;
        }
        return message;
    }
}
