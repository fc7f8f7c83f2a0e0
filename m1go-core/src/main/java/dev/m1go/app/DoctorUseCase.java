package dev.m1go.app;

import dev.m1go.core.Log;
import dev.m1go.core.Plural;
import dev.m1go.core.UserError;
import dev.m1go.doctor.Doctor;
import dev.m1go.doctor.DoctorSettings;
import dev.m1go.doctor.FailOn;
import dev.m1go.doctor.Finding;
import dev.m1go.exec.CommonsExecProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code m1go:doctor}: the host, every Go toolchain, the C compilers, emulators, binfmt_misc handlers, Docker and the
 * ambient build variables, with the evidence of every line, into the log and doctor.json.
 */
public final class DoctorUseCase {

    /** Makes the doctor for this machine. */
    @FunctionalInterface
    public interface Doctors {
        Doctor create(Log log) throws UserError;
    }

    /** The doctor of the machine this JVM runs on. */
    public static final Doctors THIS_MACHINE =
            log -> Doctor.ofThisMachine(new CommonsExecProcessRunner(), Clock.systemUTC(), log);

    private final Context context;
    private final Doctors doctors;

    public DoctorUseCase(Context context) {
        this(context, THIS_MACHINE);
    }

    /** With the doctor made by {@code doctors} (tests give one with fixed findings). */
    public DoctorUseCase(Context context, Doctors doctors) {
        this.context = context;
        this.doctors = doctors;
    }

    /**
     * @throws UserError        an unknown {@code m1go.doctor.failOn}, an operating system m1go does not diagnose
     * @throws EnvironmentError doctor.json or a command's log could not be written
     */
    public DoctorResult run(DoctorRequest request) throws UserError, EnvironmentError {
        Path out = request.outputDirectory() != null
                ? request.outputDirectory()
                : context.workingDirectory().resolve(Defaults.OUTPUT_DIRECTORY);
        java.util.Map<dev.m1go.host.Arch, dev.m1go.host.DockerEndpoint> hosts;
        try {
            hosts = dev.m1go.runner.container.ContainerHosts.parse(request.containerHosts());
        } catch (IllegalArgumentException e) {
            throw new UserError(context.render(e.getMessage()));
        }
        DoctorSettings settings = new DoctorSettings(
                out,
                request.goRoots(),
                request.failOn(),
                context.environment(),
                context.home(),
                request.inheritEnvironment(),
                hosts);
        Doctor.Result result;
        try {
            FailOn.parse(request.failOn());
            result = doctors.create(context.log())
                    .withTool(context.frontend().tool())
                    .run(settings);
        } catch (UserError e) {
            throw new UserError(context.render(e.getMessage()));
        } catch (IOException e) {
            throw new EnvironmentError(
                    context.render("m1go:doctor could not write its files under " + out + ": " + e), e, false);
        }
        if (result.failing().isEmpty()) {
            return new DoctorResult(result.file(), result.failing(), null);
        }
        // Each finding was logged above with its remedy; the failure only names them.
        int n = result.failing().size();
        StringBuilder message = new StringBuilder(Plural.of(n, "finding") + " at or above " + FailOn.PROPERTY + "="
                + result.failOn().name().toLowerCase(Locale.ROOT) + (n == 1 ? " breaks" : " break")
                + " the matrix (described above and in " + result.file() + "):");
        for (Finding f : result.failing()) {
            message.append("\n  ")
                    .append(f.severity().json())
                    .append(' ')
                    .append(f.id())
                    .append(" (")
                    .append(f.subject())
                    .append(')');
        }
        message.append("\nSet ").append(FailOn.PROPERTY).append("=never to report without failing.");
        return new DoctorResult(result.file(), result.failing(), context.render(message.toString()));
    }
}
