package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReproduceHeaderTest {

    @Test
    void header_saysOneCaseOneToolchainOneCell_inTheSingular() {
        assertThat(RunLog.header(1, 1, 1, 1, 1, Path.of("/t")))
                .isEqualTo("m1go: 1 cell (1 to run) from 1 case × 1 toolchain × 1 target; reports in /t");
        assertThat(RunLog.header(4, 2, 2, 2, 2, Path.of("/t")))
                .isEqualTo("m1go: 4 cells (2 to run) from 2 cases × 2 toolchains × 2 targets; reports in /t");
    }
}
