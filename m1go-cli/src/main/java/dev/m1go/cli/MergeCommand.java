package dev.m1go.cli;

import static dev.m1go.settings.PropertyNames.BASELINE;
import static dev.m1go.settings.PropertyNames.FAIL_ON;
import static dev.m1go.settings.PropertyNames.INPUTS;
import static dev.m1go.settings.PropertyNames.ISSUE_BODY;
import static dev.m1go.settings.PropertyNames.OUTPUT_DIRECTORY;
import static dev.m1go.settings.PropertyNames.REPORTS_DIRECTORY;

import dev.m1go.app.Defaults;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.MergeRequest;
import dev.m1go.app.MergeResult;
import dev.m1go.app.MergeUseCase;
import dev.m1go.core.UserError;
import dev.m1go.reproduce.Publish;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code m1go merge}: the options of {@code m1go:merge}; inputs as options or arguments. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        description = "Merge report.json files of several machines or runs into one report (the host becomes one "
                + "more column): report.json, report.md, TEST-m1go.xml and report.html.")
final class MergeCommand extends GoalCommand {
    private static final String G = "merge.";

    @Parameters(
            paramLabel = "INPUT",
            arity = "0..*",
            description = "A report.json, or a directory searched for " + "them; the same as --inputs.")
    List<String> arguments;

    @Option(names = "--inputs", descriptionKey = G + INPUTS, split = ",", paramLabel = "INPUT")
    List<String> inputs;

    @Option(names = "--output-directory", descriptionKey = G + OUTPUT_DIRECTORY, paramLabel = "DIR")
    Path outputDirectory;

    @Option(names = "--reports-directory", descriptionKey = G + REPORTS_DIRECTORY, paramLabel = "DIR")
    Path reportsDirectory;

    @Option(names = "--baseline", descriptionKey = G + BASELINE, paramLabel = "REPORT_JSON")
    Path baseline;

    @Option(
            names = "--fail-on",
            descriptionKey = G + FAIL_ON,
            paramLabel = "WHEN",
            defaultValue = Defaults.MERGE_FAIL_ON)
    String failOn;

    @Option(
            names = "--issue-body",
            descriptionKey = G + ISSUE_BODY,
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            defaultValue = Defaults.FALSE)
    boolean issueBody;

    @Override
    public Integer call() throws UserError, EnvironmentError {
        List<String> all = new ArrayList<>(inputs == null ? List.of() : inputs);
        all.addAll(arguments == null ? List.of() : arguments);
        MergeResult result = new MergeUseCase(context())
                .run(new MergeRequest(
                        all,
                        outputDirectory,
                        new Publish.Settings(baseline, failOn, true, issueBody, reportsDirectory)));
        return exit(List.of(), result.failure());
    }
}
