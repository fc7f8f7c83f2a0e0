package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each goal's own skip, Maven's test switches for the test-like {@code reproduce}, and {@code m1go.skip}: each logs
 * one sentence naming the property and runs nothing (a mojo that ran would fail here on its missing parameters).
 */
class SkipTest {

    private final RecordingLog log = new RecordingLog();

    private <M extends AbstractM1goMojo> M quiet(M mojo) {
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void reproduceSkip_skipsReproduce() throws Exception {
        ReproduceMojo mojo = quiet(new ReproduceMojo());
        mojo.reproduceSkip = true;
        mojo.execute();
        assertThat(log.infos).containsExactly("Skipping m1go:reproduce because m1go.reproduce.skip is true.");
    }

    @Test
    void skipTests_skipsReproduce() throws Exception {
        ReproduceMojo mojo = quiet(new ReproduceMojo());
        mojo.skipTests = true;
        mojo.execute();
        assertThat(log.infos).containsExactly("Skipping m1go:reproduce because skipTests is true.");
    }

    @Test
    void skipITs_skipsReproduce() throws Exception {
        ReproduceMojo mojo = quiet(new ReproduceMojo());
        mojo.skipITs = true;
        mojo.execute();
        assertThat(log.infos).containsExactly("Skipping m1go:reproduce because skipITs is true.");
    }

    @Test
    void mavenTestSkip_skipsReproduce() throws Exception {
        ReproduceMojo mojo = quiet(new ReproduceMojo());
        mojo.mavenTestSkip = true;
        mojo.execute();
        assertThat(log.infos).containsExactly("Skipping m1go:reproduce because maven.test.skip is true.");
    }

    @Test
    void m1goSkip_isNamedFirst() throws Exception {
        ReproduceMojo mojo = quiet(new ReproduceMojo());
        mojo.skip = true;
        mojo.skipTests = true;
        mojo.execute();
        assertThat(log.infos).containsExactly("Skipping m1go:reproduce because m1go.skip is true.");
    }

    @Test
    void eachOtherGoal_hasItsOwnSkip() throws Exception {
        DoctorMojo doctor = quiet(new DoctorMojo());
        doctor.doctorSkip = true;
        doctor.execute();
        MergeMojo merge = quiet(new MergeMojo());
        merge.mergeSkip = true;
        merge.execute();
        ClassifyMojo classify = quiet(new ClassifyMojo());
        classify.classifySkip = true;
        classify.execute();
        InspectMojo inspect = quiet(new InspectMojo());
        inspect.inspectSkip = true;
        inspect.execute();
        MinimizeMojo minimize = quiet(new MinimizeMojo());
        minimize.minimizeSkip = true;
        minimize.execute();
        assertThat(log.infos)
                .containsExactly(
                        "Skipping m1go:doctor because m1go.doctor.skip is true.",
                        "Skipping m1go:merge because m1go.merge.skip is true.",
                        "Skipping m1go:classify because m1go.classify.skip is true.",
                        "Skipping m1go:inspect because m1go.inspect.skip is true.",
                        "Skipping m1go:minimize because m1go.minimize.skip is true.");
    }

    @Test
    void aGoalsSkip_doesNotSkipAnotherGoal() {
        DoctorMojo doctor = quiet(new DoctorMojo());
        doctor.doctorSkip = true;
        assertThat(new ReproduceMojo().skippedBy()).isNull();
        assertThat(new MergeMojo().skippedBy()).isNull();
        assertThat(doctor.skippedBy()).isEqualTo("m1go.doctor.skip");
    }

    @Test
    void aMistypedProperty_isWarnedAbout_withTheClosestName() {
        quiet(new ReproduceMojo()).warnUnknownProperties(List.of("m1go.goVersion", "m1go.cases", "skipTests"));
        assertThat(log.warnings)
                .containsExactly("-Dm1go.goVersion is not an m1go property and is ignored (did you "
                        + "mean m1go.goVersions?); the README's parameter table lists every one.");
    }

    @Test
    void theDocumentedTargetEnvFamily_isNotWarnedAbout() {
        quiet(new ReproduceMojo())
                .warnUnknownProperties(
                        List.of("m1go.targetEnv.linux-arm64.CGO_LDFLAGS", "m1go.targetEnv.darwin-amd64.CC"));
        assertThat(log.warnings).isEmpty();
    }
}
