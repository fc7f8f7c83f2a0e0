package dev.m1go.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

    private final OutputLayout layout = new OutputLayout(Path.of("/p/target/m1go"));

    @Test
    void cellPaths_areTheOnesEarlierReportsRecorded() {
        Path log = layout.runLogs("abi-layout", "go1.19.8-amd64", "linux-amd64", "native", "default")
                .resolve("run-1.stdout");
        assertThat(layout.relative(log))
                .isEqualTo("logs/abi-layout/go1.19.8-amd64/linux-amd64/native-default/run-1.stdout");
        assertThat(layout.relative(layout.buildLogs("abi-layout", "go1.19.8-amd64", "linux-amd64")))
                .isEqualTo("logs/abi-layout/go1.19.8-amd64/linux-amd64");
        assertThat(layout.relative(layout.build("c", "go1.22.12-amd64", "linux-arm64-static")))
                .isEqualTo("build/c/go1.22.12-amd64/linux-arm64-static");
        assertThat(layout.relative(layout.run("c", "go1.22.12-amd64", "linux-arm64", "qemu", "default")))
                .isEqualTo("run/c/go1.22.12-amd64/linux-arm64/qemu-default");
        assertThat(layout.relative(layout.hostLogs())).isEqualTo("logs/host");
        assertThat(layout.relative(layout.caseSources("c"))).isEqualTo("cases/c");
    }
}
