package dev.m1go.cli;

import static dev.m1go.settings.PropertyNames.PATH;
import static dev.m1go.settings.PropertyNames.TARGET;

import dev.m1go.app.Context;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.InspectRequest;
import dev.m1go.app.InspectResult;
import dev.m1go.app.InspectUseCase;
import dev.m1go.core.UserError;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code m1go inspect PATH}: one JSON line per file on standard output, the table on standard error. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        description = "Say what binaries, shared libraries, object files and static archives really are, read from "
                + "their own bytes: one JSON line per file on standard output, then a table and the findings.")
final class InspectCommand extends GoalCommand {
    private static final String G = "inspect.";

    @Parameters(paramLabel = "PATH", arity = "0..1", descriptionKey = G + PATH)
    Path argument;

    @Option(names = "--path", descriptionKey = G + PATH, paramLabel = "PATH")
    Path path;

    @Option(names = "--target", descriptionKey = G + TARGET, paramLabel = "ARCH")
    String target;

    @Override
    public Integer call() throws UserError, EnvironmentError {
        Context context = context();
        InspectResult result;
        try {
            result = new InspectUseCase(context)
                    .run(new InspectRequest(path != null ? path : argument, target), out()::println);
        } finally {
            out().flush();
        }
        result.table().lines().forEach(context.log()::info);
        return exit(List.of(), result.failure());
    }
}
