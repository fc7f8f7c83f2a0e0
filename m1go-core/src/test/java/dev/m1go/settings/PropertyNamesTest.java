package dev.m1go.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyNamesTest {

    @Test
    void element_isTheNameAfterThePrefix_withEachDotCamelCased() {
        assertThat(PropertyNames.element("m1go.goVersions")).isEqualTo("goVersions");
        assertThat(PropertyNames.element("m1go.container.image")).isEqualTo("containerImage");
        assertThat(PropertyNames.element("m1go.doctor.failOn")).isEqualTo("doctorFailOn");
        assertThat(PropertyNames.element("m1go.reproduce.skip")).isEqualTo("reproduceSkip");
    }

    @Test
    void didYouMean_namesTheClosestCandidate_onlyWhenItIsATypo() {
        List<String> cases = List.of("c-abort", "c-segv", "c-sigbus", "cgo-hello");
        assertThat(PropertyNames.didYouMean("c-abrot", cases)).isEqualTo(" (did you mean 'c-abort'?)");
        assertThat(PropertyNames.didYouMean("CGO-HELO", cases)).isEqualTo(" (did you mean 'cgo-hello'?)");
        assertThat(PropertyNames.didYouMean("sqlite", cases)).isEmpty();
    }

    @Test
    void unknown_isAnM1goPropertyOutsideTheList() {
        assertThat(PropertyNames.unknown("m1go.goVersion")).isTrue();
        assertThat(PropertyNames.unknown("m1go.goVersions")).isFalse();
        assertThat(PropertyNames.unknown("skipTests")).isFalse();
        assertThat(PropertyNames.unknown("m1go.targetEnv.linux-arm64.CGO_LDFLAGS"))
                .as("a documented family")
                .isFalse();
        assertThat(PropertyNames.unknown("m1go.targetEnvs.linux-arm64.CC")).isTrue();
        assertThat(PropertyNames.unknown("m1go.runEnv.GODEBUG"))
                .as("a documented family")
                .isFalse();
        assertThat(PropertyNames.unknown("m1go.runEnv.")).isTrue();
        assertThat(PropertyNames.unknown("m1go.container.hosts.linux-arm64"))
                .as("a documented family")
                .isFalse();
        assertThat(PropertyNames.unknown("m1go.container.host.linux-arm64")).isTrue();
        assertThat(PropertyNames.unknown("m1go.testShort")).isFalse();
        assertThat(PropertyNames.closest("m1go.goVersion", PropertyNames.ALL)).contains("m1go.goVersions");
    }
}
