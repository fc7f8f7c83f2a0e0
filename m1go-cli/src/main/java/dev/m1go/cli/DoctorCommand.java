package dev.m1go.cli;

import static dev.m1go.settings.PropertyNames.DOCTOR_FAIL_ON;
import static dev.m1go.settings.PropertyNames.GO_ROOTS;
import static dev.m1go.settings.PropertyNames.INHERIT_ENVIRONMENT;
import static dev.m1go.settings.PropertyNames.OUTPUT_DIRECTORY;

import dev.m1go.app.Defaults;
import dev.m1go.app.DoctorRequest;
import dev.m1go.app.DoctorResult;
import dev.m1go.app.DoctorUseCase;
import dev.m1go.app.EnvironmentError;
import dev.m1go.core.UserError;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code m1go doctor}: the options of {@code m1go:doctor}. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        description = "Diagnose the host, every Go toolchain, the C compilers, emulators, binfmt_misc handlers and "
                + "Docker before any matrix; writes doctor.json.")
final class DoctorCommand extends GoalCommand {
    private static final String G = "doctor.";

    @Option(names = "--output-directory", descriptionKey = G + OUTPUT_DIRECTORY, paramLabel = "DIR")
    Path outputDirectory;

    @Option(names = "--go-roots", descriptionKey = G + GO_ROOTS, split = ",", paramLabel = "GOROOT")
    List<String> goRoots;

    @Option(
            names = "--fail-on",
            descriptionKey = G + DOCTOR_FAIL_ON,
            paramLabel = "SEVERITY",
            defaultValue = Defaults.DOCTOR_FAIL_ON)
    String failOn;

    @Option(
            names = "--inherit-environment",
            descriptionKey = G + INHERIT_ENVIRONMENT,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.FALSE)
    boolean inheritEnvironment;

    @Option(
            names = "--container-hosts",
            descriptionKey = G + "m1go.container.hosts",
            paramLabel = "GOOS-GOARCH=ENDPOINT")
    java.util.Map<String, String> containerHosts;

    @Override
    public Integer call() throws UserError, EnvironmentError {
        DoctorResult result = new DoctorUseCase(context())
                .run(new DoctorRequest(outputDirectory, goRoots, failOn, inheritEnvironment, containerHosts));
        return exit(List.of(), result.failure());
    }
}
