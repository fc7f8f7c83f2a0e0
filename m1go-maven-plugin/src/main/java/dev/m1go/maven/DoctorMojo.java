package dev.m1go.maven;

import dev.m1go.doctor.Doctor;
import dev.m1go.doctor.DoctorSettings;
import dev.m1go.doctor.FailOn;
import dev.m1go.doctor.Finding;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.report.Plural;
import dev.m1go.reproduce.UserError;
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
     * The least severe finding that fails the goal: {@code warning}, {@code error} or {@code never}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCTOR_FAIL_ON, defaultValue = "error")
    String doctorFailOn;

    /** Runs the diagnosis; replaced in tests. */
    DoctorFactory doctors = log -> Doctor.ofThisMachine(new CommonsExecProcessRunner(), Clock.systemUTC(), log);

    /** Makes the doctor for this machine. */
    @FunctionalInterface
    interface DoctorFactory {
        Doctor create(dev.m1go.reproduce.Log log) throws UserError;
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
                home));
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
        StringBuilder message = new StringBuilder(Plural.of(result.failing().size(), "finding") + " at or above "
                + FailOn.PROPERTY + "=" + result.failOn().name().toLowerCase(java.util.Locale.ROOT) + " (details in "
                + result.file() + "):");
        for (Finding f : result.failing()) {
            message.append("\n  ").append(f.severity().json()).append(' ').append(f.id()).append(": ")
                    .append(f.message()).append("\n    remedy: ").append(f.remedy());
        }
        throw new MojoFailureException(message + "\nSet -D" + FailOn.PROPERTY
                + "=never to report without failing.");
    }
}
