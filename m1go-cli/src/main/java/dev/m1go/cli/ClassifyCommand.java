package dev.m1go.cli;

import static dev.m1go.settings.PropertyNames.LOG;
import static dev.m1go.settings.PropertyNames.OS;

import dev.m1go.app.ClassifyRequest;
import dev.m1go.app.ClassifyUseCase;
import dev.m1go.app.EnvironmentError;
import dev.m1go.core.UserError;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code m1go classify LOG}: one JSON line per log on standard output; {@code -} reads standard input. */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        description = "Classify saved crash logs: one JSON line per log on standard output (outcome, signal, "
                + "inCgo, signature, summary, frames). LOG '-' reads standard input: pbpaste | m1go classify -")
final class ClassifyCommand extends GoalCommand {
    private static final String G = "classify.";

    @Parameters(paramLabel = "LOG", arity = "0..1", descriptionKey = G + LOG)
    Path argument;

    @Option(names = "--log", descriptionKey = G + LOG, paramLabel = "LOG")
    Path log;

    @Option(names = "--os", descriptionKey = G + OS, paramLabel = "OS")
    String os;

    @Override
    public Integer call() throws UserError, EnvironmentError {
        Path given = log != null ? log : argument;
        new ClassifyUseCase(context(), System.in)
                .run(new ClassifyRequest(given, os))
                .forEach(out()::println);
        out().flush();
        return ExitCodes.SUCCESS;
    }
}
