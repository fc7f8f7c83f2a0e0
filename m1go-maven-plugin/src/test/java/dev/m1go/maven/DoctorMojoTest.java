package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** {@code m1go:doctor}'s own decisions, before any diagnosis runs. */
class DoctorMojoTest {

    private final RecordingLog mavenLog = new RecordingLog();
    private final List<String> infos = mavenLog.infos;

    private DoctorMojo mojo() {
        DoctorMojo mojo = new DoctorMojo();
        mojo.doctors = log -> {
            throw new AssertionError("the doctor must not run");
        };
        mojo.setLog(mavenLog);
        return mojo;
    }

    @Test
    void skip_logsItsReason_andRunsNothing() throws Exception {
        DoctorMojo mojo = mojo();
        mojo.skip = true;

        mojo.execute();

        assertThat(infos).containsExactly("Skipping m1go:doctor because m1go.skip is true.");
    }

    @Test
    void unknownFailOn_isExecutionError_namingTheProperty_beforeAnythingRuns() {
        DoctorMojo mojo = mojo();
        mojo.doctorFailOn = "sometimes";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("m1go.doctor.failOn is 'sometimes': use warning, error (the default) or never");
    }
}
