package dev.m1go.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoVersionRangeTest {

    private static GoVersion v(String s) {
        return GoVersion.parse(s).orElseThrow();
    }

    @ParameterizedTest(name = "range ''{0}'' contains {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "1.22; go1.22.12; true",
                "1.22; go1.22.0; true",
                "1.22; go1.21.13; false",
                "go1.22.12; go1.22.12; true",
                "go1.22.12; go1.22.11; false",
                ">=1.21; go1.21.0; true",
                ">=1.21; go1.20.14; false",
                ">=1.21; go1.27.3; true",
                "<1.21; go1.19.8; true",
                "<1.21; go1.21.0; false",
                "<1.21; go1.21rc2; false",
                ">=1.21 <1.23; go1.22.5; true",
                ">=1.21 <1.23; go1.23.1; false",
                "1.19, >=1.26; go1.19.8; true",
                "1.19, >=1.26; go1.22.12; false",
                "1.19, >=1.26; go1.26.8; true",
                ">1.22; go1.22.12; false",
                "<=1.22; go1.22.12; true",
            })
    void contains(String range, String version, boolean expected) {
        assertThat(GoVersionRange.parse(range).contains(v(version))).isEqualTo(expected);
    }

    @Test
    void versions_orderAsReleases_rcBeforeRelease_minorNumerically() {
        assertThat(v("go1.9")).isLessThan(v("go1.10"));
        assertThat(v("go1.21rc2")).isLessThan(v("go1.21.0"));
        assertThat(v("go1.22.2")).isLessThan(v("go1.22.12"));
    }

    @Test
    void goVersionOutput_yieldsTheVersion() {
        assertThat(GoVersion.fromGoVersionOutput("go version go1.19.8 linux/arm64"))
                .contains(v("1.19.8"));
        assertThat(GoVersion.fromGoVersionOutput("go version go1.23.4 X:nocoverageredesign linux/amd64"))
                .contains(v("1.23.4"));
    }

    @Test
    void badRange_namesThePartItCannotRead() {
        assertThatThrownBy(() -> GoVersionRange.parse(">=one.two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'one.two'")
                .hasMessageContaining("not a Go version");
        assertThatThrownBy(() -> GoVersionRange.parse("~1.21")).isInstanceOf(IllegalArgumentException.class);
    }
}
