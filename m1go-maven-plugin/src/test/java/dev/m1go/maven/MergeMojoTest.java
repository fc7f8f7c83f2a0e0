package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class MergeMojoTest {

    private final RecordingLog mavenLog = new RecordingLog();
    private final List<String> infos = mavenLog.infos;

    private MergeMojo mojo(String inputs, boolean skip, String failOn) {
        MergeMojo mojo = new MergeMojo();
        mojo.inputs = inputs;
        mojo.failOn = failOn;
        mojo.skip = skip;
        mojo.setLog(mavenLog);
        return mojo;
    }

    @Test
    void skip_logsOneSentence_andMergesNothing() throws Exception {
        mojo(null, true, "never").execute();
        assertThat(infos).containsExactly("Skipping m1go:merge because m1go.skip is true.");
    }

    @Test
    void badFailOn_isExecutionErrorNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> mojo("x", false, "always").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("m1go.failOn is 'always'");
    }

    @Test
    void noInputs_isExecutionErrorNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> mojo(null, false, "never").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("m1go.inputs is empty");
    }
}
