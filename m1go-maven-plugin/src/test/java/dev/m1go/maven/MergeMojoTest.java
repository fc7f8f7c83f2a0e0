package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MergeMojoTest {

    private final List<String> infos = new ArrayList<>();

    private MergeMojo mojo(String inputs, boolean skip, String failOn) throws ReflectiveOperationException {
        MergeMojo mojo = new MergeMojo();
        set(mojo, "inputs", inputs);
        set(mojo, "failOn", failOn);
        Field s = AbstractM1goMojo.class.getDeclaredField("skip");
        s.setAccessible(true);
        s.set(mojo, skip);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void skip_logsOneSentence_andMergesNothing() throws Exception {
        mojo(null, true, "never").execute();
        assertThat(infos).containsExactly("Skipping m1go:merge because m1go.skip is true.");
    }

    @Test
    void badFailOn_isExecutionErrorNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> mojo("x", false, "always").execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("m1go.failOn is 'always'");
    }

    @Test
    void noInputs_isExecutionErrorNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> mojo(null, false, "never").execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("m1go.inputs is empty");
    }
}
