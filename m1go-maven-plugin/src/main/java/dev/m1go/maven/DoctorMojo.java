package dev.m1go.maven;

import dev.m1go.core.Plural;
import dev.m1go.doctor.Doctor;
import dev.m1go.doctor.DoctorSettings;
import dev.m1go.doctor.FailOn;
import dev.m1go.doctor.Finding;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.core.UserError;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Diagnoses the environment before any matrix: the host (and whether this process is translated), every Go
 * toolchain, the C compilers and what they really produce, the emulators and binfmt_misc handlers, Docker, and the
 * ambient build variables. Prints a table with the evidence of every line, writes {@code target/m1go/doctor.json},
 * and fails on findings at or above {@code m1go.doctor.failOn}. Needs no project.
 */
@Mojo(name = "doctor", requiresProject = false, threadSafe = true)
public final class DoctorMojo extends AbstractM1goMojo {

    /**
     * Where doctor.json and the logs of every command go.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/m1go")
    File outputDirectory;

    /**
     * More Go installations (GOROOTs), comma separated, besides the ones m1go finds by itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GO_ROOTS)
    String goRoots;

    /**
     * The least severe finding that fails the goal: {@code warning}, {@code error} or {@code never}. Only findings
     * that break the matrix count; those that break only builds you start yourself are reported, not failed on.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCTOR_FAIL_ON, defaultValue = "error")
    String doctorFailOn;

    /**
     * As for {@code m1go:reproduce}: whether the matrix gets the whole environment. When it does, what the ambient
     * build variables break ({@code CGO_*}, {@code GOARCH}, …) breaks the matrix too and can fail this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INHERIT_ENVIRONMENT, defaultValue = "false")
    boolean inheritEnvironment;

    /** Runs the diagnosis; replaced in tests. */
    DoctorFactory doctors = log -> Doctor.ofThisMachine(new CommonsExecProcessRunner(), Clock.systemUTC(), log);

    /** Makes the doctor for this machine. */
    @FunctionalInterface
    interface DoctorFactory {
        Doctor create(dev.m1go.core.Log log) throws UserError;
    }

    /**
     * Skips m1go:doctor only (other goals still run).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCTOR_SKIP, defaultValue = "false")
    boolean doctorSkip;

    @Override
    String skippedBy() {
        String all = super.skippedBy();
        return all != null ? all : doctorSkip ? PropertyNames.DOCTOR_SKIP : null;
    }

    @Override
    String goal() {
        return "doctor";
    }

    @Override
    List<Record> settings(Map<String, String> environment, Path home) {
        return List.of(new DoctorSettings(reportDirectory(outputDirectory), list(goRoots), doctorFailOn, environment,
                home, inheritEnvironment));
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        DoctorSettings settings = (DoctorSettings) settings(System.getenv(), home()).get(0);
        Path out = settings.outputDirectory();
        Doctor.Result result;
        try {
            FailOn.parse(doctorFailOn);
            result = doctors.create(engineLog()).run(settings);
        } catch (UserError e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("m1go:doctor could not write its files under " + out + ": " + e, e);
        }
        if (result.failing().isEmpty()) {
            return;
        }
        // Each finding was printed above with its remedy; the failure only names them.
        int n = result.failing().size();
        StringBuilder message = new StringBuilder(Plural.of(n, "finding") + " at or above "
                + FailOn.PROPERTY + "=" + result.failOn().name().toLowerCase(java.util.Locale.ROOT)
                + (n == 1 ? " breaks" : " break") + " the matrix (described above and in " + result.file() + "):");
        for (Finding f : result.failing()) {
            message.append("\n  ").append(f.severity().json()).append(' ').append(f.id()).append(" (")
                    .append(f.subject()).append(')');
        }
        throw new MojoFailureException(message + "\nSet -D" + FailOn.PROPERTY
                + "=never to report without failing.");
    }
}
