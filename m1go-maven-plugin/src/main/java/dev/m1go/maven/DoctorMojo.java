package dev.m1go.maven;

import dev.m1go.app.Context;
import dev.m1go.app.Defaults;
import dev.m1go.app.DoctorRequest;
import dev.m1go.app.DoctorResult;
import dev.m1go.app.DoctorUseCase;
import dev.m1go.app.EnvironmentError;
import dev.m1go.core.UserError;
import dev.m1go.settings.PropertyNames;
import java.io.File;
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
    @Parameter(property = PropertyNames.DOCTOR_FAIL_ON, defaultValue = Defaults.DOCTOR_FAIL_ON)
    String doctorFailOn;

    /**
     * As for {@code m1go:reproduce}: whether the matrix gets the whole environment. When it does, what the ambient
     * build variables break ({@code CGO_*}, {@code GOARCH}, …) breaks the matrix too and can fail this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INHERIT_ENVIRONMENT, defaultValue = Defaults.FALSE)
    boolean inheritEnvironment;

    /**
     * As for {@code m1go:reproduce}: the Docker engine of one platform's container cells, keys {@code <goos>-<goarch>}
     * ({@code <linux-arm64>tcp://arm64-box:2375</linux-arm64>}); on the command line
     * {@code -Dm1go.container.hosts.linux-arm64=…}. Each is checked: whether it answers, its version and architecture.
     *
     * @since 0.1.0
     */
    @Parameter
    java.util.Map<String, String> containerHosts;

    /** Makes the doctor of this machine; replaced in tests. */
    DoctorUseCase.Doctors doctors = DoctorUseCase.THIS_MACHINE;

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

    /** Its Docker line probes the engine through docker-java's transport. */
    @Override
    boolean talksToContainerEngine() {
        return true;
    }

    @Override
    DoctorRequest request(Context context) {
        java.util.Map<String, String> hosts =
                new java.util.TreeMap<>(containerHosts == null ? java.util.Map.of() : containerHosts);
        hosts.putAll(dev.m1go.app.ReproduceRequest.Builder.containerHostsProperties(System.getProperties()));
        return new DoctorRequest(
                reportDirectory(outputDirectory), list(goRoots), doctorFailOn, inheritEnvironment, hosts);
    }

    @Override
    void run(Context context) throws MojoExecutionException, MojoFailureException {
        DoctorResult result;
        try {
            result = new DoctorUseCase(context, doctors).run(request(context));
        } catch (UserError | EnvironmentError e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (result.failed()) {
            throw new MojoFailureException(result.failure());
        }
    }
}
